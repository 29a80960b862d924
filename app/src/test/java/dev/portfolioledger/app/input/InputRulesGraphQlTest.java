package dev.portfolioledger.app.input;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.RawGraphQl;
import dev.portfolioledger.app.support.RawGraphQl.Raw;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text, amounts and dates are checked where they enter: a value PostgreSQL cannot store or the
 * views would show differently is refused with VALIDATION_FAILED, and nothing is stored. The
 * bodies are written by hand ({@link RawGraphQl}), so a lone surrogate really reaches the server.
 */
class InputRulesGraphQlTest extends GraphQlIntegrationTest {

    private long eventsOf(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                                         Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private static void assertValidationFailed(RawGraphQl.Response response, String mentioning) {
        assertThat(response.code()).as("code of %s", response.body()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.errors()).hasSize(1);
        assertThat(response.message()).contains(mentioning).doesNotContain("java.").doesNotContain("Exception")
                .doesNotContain("TemporalAccessor").doesNotContain("dev.portfolioledger");
    }

    private Map<String, Object> proposal(String portfolioId, String projectId) {
        Map<String, Object> input = new HashMap<>(projectInput(portfolioId));
        input.put("projectId", projectId);
        return input;
    }

    private RawGraphQl.Response propose(Map<String, Object> input) {
        return rawAs("pm").execute("proposeProject", null, Map.of("input", input));
    }

    @Test
    void cannotProposeProjectWithNulInName() {
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> input = proposal(newPortfolio(), projectId);
        input.put("name", "Ledger\u0000replacement");
        assertValidationFailed(propose(input), "name");
        assertThat(eventsOf(projectId)).isZero();
    }

    @Test
    void cannotCreatePortfolioWithLoneSurrogateInReason() {
        String portfolioId = UUID.randomUUID().toString();
        var response = rawAs("pmo").execute("createPortfolio", null, Map.of("input", Map.of(
                "portfolioId", portfolioId, "name", unique("Portfolio"), "currency", "EUR", "owner", "Olivia Owner",
                "reason", "because \ud800 of this")));
        assertValidationFailed(response, "reason");
        assertThat(eventsOf(portfolioId)).isZero();
    }

    @Test
    void cannotCreatePortfolioWithAHundredThousandCharacterReason() {
        String portfolioId = UUID.randomUUID().toString();
        var response = rawAs("pmo").execute("createPortfolio", null, Map.of("input", Map.of(
                "portfolioId", portfolioId, "name", unique("Portfolio"), "currency", "EUR", "owner", "Olivia Owner",
                "reason", "r".repeat(100_000))));
        assertValidationFailed(response, "reason");
        assertThat(eventsOf(portfolioId)).isZero();
    }

    @Test
    void cannotDefineObjectiveWithLoneSurrogate() {
        String projectId = newProject(newPortfolio(), null);
        long before = eventsOf(projectId);
        var response = rawAs("pm").execute("defineProjectObjectives", null, Map.of("input", Map.of(
                "projectId", projectId, "objectives", List.of("Cut cost", "Grow \udc00 revenue"))));
        assertValidationFailed(response, "objectives[1]");
        assertThat(eventsOf(projectId)).isEqualTo(before);
    }

    @Test
    void emojiInAnObjectiveIsStoredExactly() {
        String projectId = newProject(newPortfolio(), null);
        String objective = "Launch \ud83d\ude80 and celebrate \ud83c\udf89";
        var response = rawAs("pm").execute("defineProjectObjectives", null, Map.of("input", Map.of(
                "projectId", projectId, "objectives", List.of(objective))));
        assertThat(response.errors()).isEmpty();
        assertThat(response.<List<String>>data("defineProjectObjectives.project.objectives")).containsExactly(objective);
    }

    @Test
    void cannotPlanBudgetLineOfOneE1000000() {
        String projectId = newProject(newPortfolio(), null);
        long before = eventsOf(projectId);
        for (Object amount : List.of(new Raw("1e1000000"), "1e1000000", new Raw("-1e-1000000"), "1e20")) {
            var response = rawAs("pm").execute("planBudgetLine", null, Map.of("input", Map.of(
                    "projectId", projectId, "category", "LABOUR",
                    "amount", Map.of("amount", amount, "currency", "EUR"))));
            assertValidationFailed(response, "");
        }
        assertThat(eventsOf(projectId)).isEqualTo(before);
    }

    @Test
    void anIntOfOneE1000000IsRefusedWithAShortMessage() {
        // graphql-java's own coercion error quoted all million digits back
        for (String field : List.of("probability", "impact")) {
            Map<String, Object> input = new HashMap<>(Map.of("projectId", UUID.randomUUID().toString(), "title", "T",
                    "category", "C", "probability", 3, "impact", 3, "owner", "O", "response", "MITIGATE",
                    "reviewDate", "2027-01-01"));
            input.put(field, new Raw("1e1000000"));
            var response = rawAs("pm").execute("identifyRisk", null, Map.of("input", input));
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.message()).contains("integer range").contains("(1000001 characters)").hasSizeLessThan(300);
        }
    }

    @Test
    void cannotProposeProjectStartingOnFebruaryThirtieth() {
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> input = proposal(newPortfolio(), projectId);
        input.put("plannedStart", "2027-02-30");
        assertValidationFailed(propose(input), "2027-02-30");
        input.put("plannedStart", "2027-04-31");
        assertValidationFailed(propose(input), "2027-04-31");
        assertThat(eventsOf(projectId)).isZero();
    }

    @Test
    void cannotProposeProjectFinishingInYear999999999() {
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> input = proposal(newPortfolio(), projectId);
        input.put("plannedFinish", "+999999999-12-31");
        assertValidationFailed(propose(input), "yyyy-MM-dd");
        assertThat(eventsOf(projectId)).isZero();
    }

    @Test
    void cannotProposeProjectStartingInYearOne() {
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> input = proposal(newPortfolio(), projectId);
        input.put("plannedStart", "0001-01-01");
        assertValidationFailed(propose(input), "plannedStart");
        assertThat(eventsOf(projectId)).isZero();
    }

    @Test
    void dateSentAsANumberIsRefusedWithoutNamingAJavaType() {
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> input = proposal(newPortfolio(), projectId);
        input.put("plannedStart", 20270104);
        assertValidationFailed(propose(input), "yyyy-MM-dd");
        assertThat(eventsOf(projectId)).isZero();
    }

    @Test
    void asOfWithoutAnOffsetIsRefusedWithoutNamingAJavaType() {
        String projectId = newProject(newPortfolio(), null);
        for (String asOf : List.of("2027-01-01T00:00:00", "2027-02-30T00:00:00Z", "+999999999-12-31T00:00:00Z")) {
            var response = rawAs("auditor").execute("asOfProject", null, Map.of("id", projectId, "asOf", asOf));
            assertValidationFailed(response, "DateTime");
        }
    }

    @Test
    void valueOfTheWrongJsonTypeIsRefusedWithoutNamingAJavaType() {
        String projectId = UUID.randomUUID().toString();
        Map<String, Object> input = proposal(newPortfolio(), projectId);
        for (Object wrong : List.of(Map.of("nested", 1), List.of(1, 2), new Raw("1.5"), true)) {
            input.put("name", wrong);
            var response = propose(input);
            assertThat(response.code()).as("code of %s", response.body()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.message()).doesNotContain("LinkedHashMap").doesNotContain("ArrayList")
                    .doesNotContain("BigDecimal").doesNotContain("java.");
        }
        assertThat(eventsOf(projectId)).isZero();
    }
}
