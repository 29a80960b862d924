package dev.portfolioledger.app.finance;

import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.support.CommitSabotage;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances open one project's cost ledger at the same moment: the first expense of each
 * finds no ledger and writes its first event. One wins; the other is told of a concurrent change
 * (CONCURRENT_MODIFICATION, not ALREADY_EXISTS: nothing it names exists twice) and, sent again,
 * lands in the ledger the first one opened.
 */
class CostLedgerSecondInstanceTest extends GraphQlIntegrationTest {

    @Test
    void aLedgerOpenedOnTwoInstancesAtOnceKeepsOneStreamAndTheLoserMayRetry() throws Exception {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        Map<String, Object> input = Map.of("projectId", projectId, "amount", Map.of("amount", "10.00", "currency", "EUR"),
                "category", "SERVICES", "incurredOn", "2026-11-02");

        try (ConfigurableApplicationContext other = SecondInstance.start()) {
            HttpGraphQlTester onOther = SecondInstance.graphQlAs(SecondInstance.portOf(other), "pm");
            CommitSabotage.arm(CommitSabotage.Moment.HOLD_UNTIL_RELEASED,
                    payload -> payload instanceof RecordExpenseCommand command
                            && command.projectId().toString().equals(projectId));
            CompletableFuture<GraphQlTester.Response> first = CompletableFuture.supplyAsync(
                    () -> as("pm").documentName("recordExpense").variable("input", input).execute());
            awaitBackends("state = 'idle in transaction'");
            // the other instance finds no ledger, opens one and waits on the held first event's key
            CompletableFuture<GraphQlTester.Response> second = CompletableFuture.supplyAsync(
                    () -> onOther.documentName("recordExpense").variable("input", input).execute());
            awaitBackends("wait_event_type = 'Lock'");
            CommitSabotage.release();

            first.get().path("recordExpense.entryId").hasValue();
            second.get().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getExtensions()).containsEntry("code", "CONCURRENT_MODIFICATION");
            });
            assertThat(ledgerEvents(projectId)).isEqualTo(1);

            onOther.documentName("recordExpense").variable("input", input).execute()
                    .path("recordExpense.project.id").entity(String.class).isEqualTo(projectId);
            assertThat(ledgerEvents(projectId)).isEqualTo(2);
        } finally {
            CommitSabotage.disarm();
        }
    }

    /** Until a backend whose latest statement writes an event is in this state (a minute at most). */
    private void awaitBackends(String state) throws InterruptedException {
        for (int polls = 0; polls < 12_000; polls++) {
            Long found = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE " + state
                    + " AND query ILIKE 'insert into domainevententry%'", Long.class);
            if (found != null && found > 0) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no backend writing an event is " + state);
    }

    private long ledgerEvents(String projectId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, CostLedgerId.of(ProjectId.of(projectId)).toString());
        return count == null ? 0 : count;
    }

}
