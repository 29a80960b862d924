package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Stored revision 1 proposals, read through the upcaster, become revision 2 with the portfolio's currency. */
class ProjectProposedEventUpcasterTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("0b8d7e6f-1a2b-4c3d-8e9f-a1b2c3d4e5f6");
    private static final String TYPE = ProjectProposedEvent.class.getName();

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new AxonInfrastructureConfiguration().defaultAxonObjectMapper()).build();
    private final InMemoryPortfolioDirectory portfolios = new InMemoryPortfolioDirectory();
    private final ProjectProposedEventUpcaster upcaster = new ProjectProposedEventUpcaster(portfolios);

    @Test
    void revisionOneGoldenJsonReadsAsRevisionTwoInThePortfoliosCurrency() throws IOException {
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE, Currency.getInstance("CHF"));

        List<IntermediateEventRepresentation> read = upcast(stored(golden("ProjectProposedEvent-1.json"), "1"));

        assertThat(read).singleElement().satisfies(representation -> {
            assertThat(representation.getType().getName()).isEqualTo(TYPE);
            assertThat(representation.getType().getRevision()).isEqualTo("2");
        });
        ProjectProposedEvent event = deserialize(read.get(0));
        assertThat(event).isEqualTo(new ProjectProposedEvent(ProjectId.of("6f1c2a8e-4b7d-4c1e-9a55-0d3e2f8b9c10"),
                PORTFOLIO, null, "Web shop", "Sell online", "Pia Manager", "Sam Sponsor", Methodology.SCRUM,
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30), Currency.getInstance("CHF")));
    }

    @Test
    void revisionTwoIsReadAsStored() throws IOException {
        String revisionTwo = golden("ProjectProposedEvent-1.json").replace("}", ",\"currency\":\"USD\"}");

        List<IntermediateEventRepresentation> read = upcast(stored(revisionTwo, "2"));

        assertThat(read).singleElement().satisfies(representation ->
                assertThat(representation.getType().getRevision()).isEqualTo("2"));
        assertThat(deserialize(read.get(0)).currency()).isEqualTo(Currency.getInstance("USD"));
    }

    /** Written outside the app: read without a currency rather than stopping every processor at it. */
    @Test
    void revisionOneOfAnUnknownPortfolioIsReadWithoutCurrency() throws IOException {
        List<IntermediateEventRepresentation> read = upcast(stored(golden("ProjectProposedEvent-1.json"), "1"));

        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        ProjectProposedEvent event = deserialize(read.get(0));
        assertThat(event.currency()).isNull();
        assertThat(event.portfolioId()).isEqualTo(PORTFOLIO);
    }

    private List<IntermediateEventRepresentation> upcast(IntermediateEventRepresentation representation) {
        return upcaster.upcast(Stream.of(representation)).toList();
    }

    private IntermediateEventRepresentation stored(String json, String revision) {
        var entry = new GenericDomainEventEntry<>("Project", "6f1c2a8e-4b7d-4c1e-9a55-0d3e2f8b9c10", 0,
                "c0ffee00-0000-0000-0000-000000000001", Instant.parse("2026-11-30T09:00:00Z"), TYPE, revision,
                json.getBytes(UTF_8), "{}".getBytes(UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    private ProjectProposedEvent deserialize(IntermediateEventRepresentation representation) {
        return serializer.deserialize(representation.getData());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                ProjectProposedEventUpcasterTest.class.getResourceAsStream("/golden/" + name), name)) {
            return new String(in.readAllBytes(), UTF_8).strip();
        }
    }
}
