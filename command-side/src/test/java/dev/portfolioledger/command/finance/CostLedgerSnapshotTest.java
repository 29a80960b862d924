package dev.portfolioledger.command.finance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import dev.portfolioledger.command.project.InMemoryProjectDirectory;
import org.axonframework.serialization.Revision;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of {@link CostLedger} store its fields as JSON (Axon's snapshotter, general Jackson
 * serializer): what is written reads back to the same state, and the fields are pinned to the
 * snapshot revision.
 */
class CostLedgerSnapshotTest {

    private static final PortfolioId PORTFOLIO = PortfolioId.of("00000000-0000-0000-0000-00000000000a");
    private static final ProjectId PROJECT = ProjectId.of("00000000-0000-0000-0000-0000000000c1");
    private static final CostLedgerId LEDGER = CostLedgerId.of(PROJECT);
    private static final CostEntryId E1 = CostEntryId.of("00000000-0000-0000-0000-0000000000e1");
    private static final CostEntryId E2 = CostEntryId.of("00000000-0000-0000-0000-0000000000e2");
    private static final CostEntryId E3 = CostEntryId.of("00000000-0000-0000-0000-0000000000e3");
    private static final CostEntryId R1 = CostEntryId.of("00000000-0000-0000-0000-0000000000f1");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 15);

    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();

    @Test
    void snapshotJsonReadsBackToTheSameState() {
        var portfolios = new InMemoryPortfolioDirectory();
        portfolios.add(PORTFOLIO, "Growth", PortfolioStatus.ACTIVE);
        var projects = new InMemoryProjectDirectory();
        projects.add(PROJECT, PORTFOLIO, ProjectStatus.ACTIVE);
        var fixture = new AggregateTestFixture<>(CostLedger.class);
        fixture.registerInjectableResource(projects);
        fixture.registerInjectableResource(portfolios);
        fixture.given(new ExpenseRecordedEvent(LEDGER, PROJECT, E1, Money.of("1200.00", "EUR"),
                                CostCategory.EQUIPMENT, DAY, "Acme", "Laptops"),
                        new ExpenseRecordedEvent(LEDGER, PROJECT, E2, Money.of("80", "EUR"), CostCategory.TRAVEL,
                                DAY.plusDays(1), null, null),
                        new CostReversedEvent(LEDGER, PROJECT, R1, E1, Money.of("1200.00", "EUR"),
                                CostCategory.EQUIPMENT, DAY, "Cancelled"))
                .andGivenCommands()
                .when(RecordExpenseCommand.of(PROJECT, E3, Money.of("5", "EUR"), CostCategory.OTHER, DAY, null, null))
                .expectSuccessfulHandlerExecution()
                .expectState(ledger -> {
                    String written = write(ledger);
                    assertThat(written).contains("\"" + LEDGER + "\"", "\"" + E1 + "\"", "\"" + R1 + "\"",
                            "\"reversed\":true", "\"currency\":\"EUR\"", "\"2027-03-16\"", "\"TRAVEL\"");
                    assertThat(write(read(written))).isEqualTo(written);
                });
    }

    /** When this fails, the aggregate's shape changed: bump {@code @Revision} on {@link CostLedger} and update both. */
    @Test
    void snapshotFieldsArePinnedToTheRevision() {
        assertThat(CostLedger.class.getAnnotation(Revision.class).value()).isEqualTo("1");
        assertThat(Arrays.stream(CostLedger.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .map(field -> field.getName() + ": " + field.getGenericType().getTypeName()
                        .replaceAll("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*\\.", "")))
                .containsExactly(
                        "ledgerId: CostLedgerId",
                        "expenses: Map<CostEntryId, CostLedger$Expense>",
                        "reversals: Set<CostEntryId>");
    }

    private String write(CostLedger ledger) {
        try {
            return mapper.writeValueAsString(ledger);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private CostLedger read(String json) {
        try {
            return mapper.readValue(json, CostLedger.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
