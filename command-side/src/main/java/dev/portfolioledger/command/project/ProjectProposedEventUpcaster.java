package dev.portfolioledger.command.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.command.portfolio.PortfolioDirectory;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ProjectProposedEvent} revision 1 → 2: adds the portfolio's currency, which revision 2
 * carries so that the project decides about money without a lookup.
 * <p>
 * The example for every later revision change: the event record changes shape and its
 * {@code @Revision}; an upcaster (a bean: Axon puts every {@code EventUpcaster} bean into the
 * chain that reads the event store, for aggregates and processors alike) rewrites the stored JSON
 * of the old revision on reading, never the stored row; a test reads golden JSON of the old
 * revision ({@code ProjectProposedEventUpcasterTest}).
 * <p>
 * The value this one adds is not in the event: it is the portfolio's currency, read from the
 * command side's portfolio directory, which holds every portfolio before any event of a project
 * in it exists, and whose currency never changes, so the answer is cached. An event naming a
 * portfolio the directory does not hold (written outside the app) is read without one.
 */
@Component
class ProjectProposedEventUpcaster extends SingleEventUpcaster {

    private static final String TYPE = ProjectProposedEvent.class.getName();
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    private static final Logger log = LoggerFactory.getLogger(ProjectProposedEventUpcaster.class);

    private final PortfolioDirectory portfolios;
    private final Map<PortfolioId, Currency> currencies = new ConcurrentHashMap<>();

    ProjectProposedEventUpcaster(PortfolioDirectory portfolios) {
        this.portfolios = portfolios;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            PortfolioId portfolioId = PortfolioId.of(event.path("portfolioId").asText());
            currencyOf(portfolioId).ifPresentOrElse(
                    currency -> event.put("currency", currency.getCurrencyCode()),
                    () -> log.warn("A stored ProjectProposedEvent names portfolio {}, which the portfolio directory"
                            + " does not hold; it is read without a currency", portfolioId));
            return event;
        });
    }

    /**
     * Never failing the read: a failed upcast would stop every processor at this event, and the
     * read models need no currency. Only the project's own money decisions do, and they refuse
     * when it is missing (which only events written outside the app can cause).
     */
    private Optional<Currency> currencyOf(PortfolioId portfolioId) {
        Currency known = currencies.get(portfolioId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Currency> found = portfolios.currencyOf(portfolioId);
        found.ifPresent(currency -> currencies.put(portfolioId, currency));
        return found;
    }
}
