package dev.portfolioledger.app.finance;

import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.app.support.CommitSabotage;
import dev.portfolioledger.app.support.Concurrently;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost ledger mutations over real HTTP on the real database: the commands go to the project's
 * ledger (its own stream), the payloads answer with the project once the views caught up.
 */
class CostLedgerGraphQlTest extends GraphQlIntegrationTest {

    private static final String INCURRED_ON = "2026-11-20";

    // --- helpers ---

    private String approvedProject() {
        String projectId = newProject(newPortfolio(), null);
        transition("approveProject", projectId, "pmo");
        return projectId;
    }

    private static Map<String, Object> expense(String projectId, String amount, String currency) {
        Map<String, Object> input = new HashMap<>();
        input.put("projectId", projectId);
        input.put("amount", Map.of("amount", amount, "currency", currency));
        input.put("category", "EQUIPMENT");
        input.put("incurredOn", INCURRED_ON);
        input.put("vendor", "Acme");
        input.put("description", "Laptops");
        return input;
    }

    private String recordExpense(String projectId) {
        return as("pm").documentName("recordExpense").variable("input", expense(projectId, "1200.00", "EUR"))
                .execute().path("recordExpense.entryId").entity(String.class).get();
    }

    private String reverse(String projectId, String entryId) {
        return as("pm").documentName("reverseCost").variable("input", reversal(projectId, entryId)).execute()
                .path("reverseCost.reversalEntryId").entity(String.class).get();
    }

    private static Map<String, Object> reversal(String projectId, String entryId) {
        return Map.of("projectId", projectId, "entryId", entryId, "reason", "Invoice cancelled by the vendor");
    }

    private static String ledgerOf(String projectId) {
        return CostLedgerId.of(ProjectId.of(projectId)).toString();
    }

    /** The simple names of the ledger's stored events, in order. */
    private List<String> ledgerEvents(String projectId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber", String.class, ledgerOf(projectId)).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private String lastLedgerPayload(String projectId, String field) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> ? FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, field,
                ledgerOf(projectId));
    }

    private String lastLedgerMetadata(String projectId, String key) {
        return jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> ? FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class, key,
                ledgerOf(projectId));
    }

    private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(key, value);
        return changed;
    }

    // --- recordExpense ---

    @Test
    void recordExpenseStoresItInTheProjectsLedgerAndAnswersWithTheProject() {
        String projectId = approvedProject();
        var response = as("pm").documentName("recordExpense").variable("input", expense(projectId, "1200.00", "EUR"))
                .execute();
        response.path("recordExpense.project.id").entity(String.class).isEqualTo(projectId);
        response.path("recordExpense.project.status").entity(String.class).isEqualTo("APPROVED");
        String entryId = response.path("recordExpense.entryId").entity(String.class).get();
        String correlationId = response.path("recordExpense.correlationId").entity(String.class).get();

        assertThat(ledgerEvents(projectId)).containsExactly("ExpenseRecordedEvent");
        assertThat(lastLedgerPayload(projectId, "entryId")).isEqualTo(entryId);
        assertThat(lastLedgerPayload(projectId, "projectId")).isEqualTo(projectId);
        assertThat(lastLedgerPayload(projectId, "ledgerId")).isEqualTo(ledgerOf(projectId));
        assertThat(lastLedgerMetadata(projectId, "correlationId")).isEqualTo(correlationId);
        assertThat(lastLedgerMetadata(projectId, "actor")).isEqualTo("pm");
    }

    @Test
    void furtherExpensesGoToTheSameLedger() {
        String projectId = approvedProject();
        String first = recordExpense(projectId);
        String second = recordExpense(projectId);
        assertThat(first).isNotEqualTo(second);
        assertThat(ledgerEvents(projectId)).containsExactly("ExpenseRecordedEvent", "ExpenseRecordedEvent");
    }

    /**
     * The first expense opens the ledger. Expenses sent at the same moment, the first of them held a
     * second before its commit (so the others are handled while its rows are written but not
     * committed), all land in the one ledger.
     */
    @Test
    void concurrentFirstExpensesAllLandInTheOneLedger() throws Exception {
        String projectId = approvedProject();
        CommitSabotage.arm(CommitSabotage.Moment.HOLD_BEFORE_COMMIT,
                payload -> payload instanceof RecordExpenseCommand command
                        && command.projectId().toString().equals(projectId));
        List<String> outcomes = Concurrently.run(6, () -> {
            var response = as("pm").documentName("recordExpense")
                    .variable("input", expense(projectId, "10.00", "EUR")).execute();
            String[] outcome = {"RECORDED"};
            response.errors().satisfy(errors -> errors.stream().findFirst()
                    .ifPresent(error -> outcome[0] = String.valueOf(error.getExtensions().get("code"))));
            return outcome[0];
        });
        assertThat(outcomes).containsOnly("RECORDED");
        assertThat(ledgerEvents(projectId)).hasSize(6).containsOnly("ExpenseRecordedEvent");
    }

    @Test
    void aCancelledProjectTakesLateInvoices() {
        String projectId = approvedProject();
        as("pmo").documentName("cancelProject").variable("input", Map.of("projectId", projectId,
                "reason", "Sponsor left")).execute().path("cancelProject.project.status").hasValue();
        as("portfolio").documentName("recordExpense").variable("input", expense(projectId, "99.99", "EUR")).execute()
                .path("recordExpense.project.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(ledgerEvents(projectId)).containsExactly("ExpenseRecordedEvent");
    }

    @Test
    void cannotRecordExpensesOfAProposedProject() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("pm").documentName("recordExpense").variable("input", expense(projectId, "10", "EUR")),
                "CONFLICT");
        assertThat(ledgerEvents(projectId)).isEmpty();
    }

    @Test
    void cannotRecordExpensesOfAnUnknownProject() {
        assertRefused(as("pm").documentName("recordExpense")
                .variable("input", expense(UUID.randomUUID().toString(), "10", "EUR")), "NOT_FOUND");
    }

    @Test
    void cannotRecordAZeroAmount() {
        String projectId = approvedProject();
        assertRefused(as("pm").documentName("recordExpense").variable("input", expense(projectId, "0.00", "EUR")),
                "VALIDATION_FAILED");
    }

    @Test
    void cannotRecordANegativeAmount() {
        String projectId = approvedProject();
        assertRefused(as("pm").documentName("recordExpense").variable("input", expense(projectId, "-5", "EUR")),
                "VALIDATION_FAILED");
        assertThat(ledgerEvents(projectId)).isEmpty();
    }

    @Test
    void cannotRecordAnAmountInAnotherCurrencyThanThePortfolios() {
        String projectId = approvedProject();
        assertRefused(as("pm").documentName("recordExpense").variable("input", expense(projectId, "10", "USD")),
                "VALIDATION_FAILED");
        assertThat(ledgerEvents(projectId)).isEmpty();
    }

    @Test
    void cannotRecordAnExpenseIncurredInTheFuture() {
        String projectId = approvedProject();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertRefused(as("pm").documentName("recordExpense").variable("input",
                with(expense(projectId, "10", "EUR"), "incurredOn", tomorrow)), "VALIDATION_FAILED");
    }

    @Test
    void canRecordAnExpenseIncurredToday() {
        String projectId = approvedProject();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as("pm").documentName("recordExpense").variable("input",
                with(expense(projectId, "10", "EUR"), "incurredOn", today)).execute()
                .path("recordExpense.entryId").hasValue();
        assertThat(lastLedgerPayload(projectId, "incurredOn")).isEqualTo(today);
    }

    @Test
    void cannotRecordExpensesWithoutTheRole() {
        String projectId = approvedProject();
        for (String user : List.of("program", "member", "resources", "auditor")) {
            assertRefused(as(user).documentName("recordExpense").variable("input", expense(projectId, "10", "EUR")),
                    "FORBIDDEN");
        }
        assertThat(ledgerEvents(projectId)).isEmpty();
    }

    // --- reverseCost ---

    @Test
    void reverseCostStoresAReversalAndAnswersWithTheProject() {
        String projectId = approvedProject();
        String entryId = recordExpense(projectId);
        var response = as("pmo").documentName("reverseCost").variable("input", reversal(projectId, entryId)).execute();
        response.path("reverseCost.project.id").entity(String.class).isEqualTo(projectId);
        String reversalId = response.path("reverseCost.reversalEntryId").entity(String.class).get();

        assertThat(reversalId).isNotEqualTo(entryId);
        assertThat(ledgerEvents(projectId)).containsExactly("ExpenseRecordedEvent", "CostReversedEvent");
        assertThat(lastLedgerPayload(projectId, "reversedEntryId")).isEqualTo(entryId);
        assertThat(lastLedgerPayload(projectId, "reversalEntryId")).isEqualTo(reversalId);
        assertThat(lastLedgerPayload(projectId, "reason")).isEqualTo("Invoice cancelled by the vendor");
        assertThat(lastLedgerMetadata(projectId, "reason")).isEqualTo("Invoice cancelled by the vendor");
    }

    @Test
    void cannotReverseAnExpenseTwice() {
        String projectId = approvedProject();
        String entryId = recordExpense(projectId);
        reverse(projectId, entryId);
        assertRefused(as("pm").documentName("reverseCost").variable("input", reversal(projectId, entryId)),
                "CONFLICT");
        assertThat(ledgerEvents(projectId)).hasSize(2);
    }

    @Test
    void cannotReverseAReversal() {
        String projectId = approvedProject();
        String reversalId = reverse(projectId, recordExpense(projectId));
        as("pm").documentName("reverseCost").variable("input", reversal(projectId, reversalId)).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "CONFLICT");
                    assertThat(errors.get(0).getMessage()).contains("a reversal can never be reversed");
                });
    }

    @Test
    void cannotReverseAnUnknownEntry() {
        String projectId = approvedProject();
        recordExpense(projectId);
        assertRefused(as("pm").documentName("reverseCost")
                .variable("input", reversal(projectId, UUID.randomUUID().toString())), "NOT_FOUND");
    }

    @Test
    void cannotReverseAnEntryOfAProjectWithoutCosts() {
        String projectId = approvedProject();
        assertRefused(as("pm").documentName("reverseCost")
                .variable("input", reversal(projectId, UUID.randomUUID().toString())), "NOT_FOUND");
        assertThat(ledgerEvents(projectId)).isEmpty();
    }

    @Test
    void cannotReverseWithoutAReason() {
        String projectId = approvedProject();
        String entryId = recordExpense(projectId);
        assertRefused(as("pm").documentName("reverseCost").variable("input",
                Map.of("projectId", projectId, "entryId", entryId, "reason", " ")), "VALIDATION_FAILED");
        assertThat(ledgerEvents(projectId)).containsExactly("ExpenseRecordedEvent");
    }

    @Test
    void cannotReverseWithoutTheRole() {
        String projectId = approvedProject();
        String entryId = recordExpense(projectId);
        assertRefused(as("program").documentName("reverseCost").variable("input", reversal(projectId, entryId)),
                "FORBIDDEN");
    }
}
