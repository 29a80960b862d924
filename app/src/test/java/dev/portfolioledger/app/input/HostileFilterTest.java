package dev.portfolioledger.app.input;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values in the filters of the read side (audit trail, projects, change requests), live
 * and as of an instant: refused as VALIDATION_FAILED before any SQL sees them, never INTERNAL.
 */
class HostileFilterTest extends GraphQlIntegrationTest {

    private static final List<String> HOSTILE = List.of("a\u0000b", "lone \uD800 high", "reversed \uDC00\uD800",
                                                        "x".repeat(5_000_000));

    @Test
    void auditTrailFiltersRefuseWhatNoStoredValueCanBe() {
        for (String field : List.of("aggregateId", "actor", "eventType", "correlationId", "requestId")) {
            for (String value : HOSTILE) {
                for (String asOf : new String[]{null, "2026-12-01T00:00:00Z"}) {
                    var variables = new java.util.HashMap<String, Object>();
                    variables.put("filter", Map.of(field, value));
                    variables.put("asOf", asOf);
                    var response = rawAs("auditor").execute("hostileFilters", "hostileAuditTrail", variables);
                    assertThat(response.code()).as("auditTrail(filter: {%s: %s...})", field, preview(value))
                            .isEqualTo("VALIDATION_FAILED");
                }
            }
        }
    }

    @Test
    void projectFiltersRefuseWhatNoStoredValueCanBe() {
        for (String value : HOSTILE) {
            for (String asOf : new String[]{null, "2026-12-01T00:00:00Z"}) {
                var variables = new java.util.HashMap<String, Object>();
                variables.put("filter", Map.of("manager", value));
                variables.put("asOf", asOf);
                var response = rawAs("auditor").execute("hostileFilters", "hostileProjects", variables);
                assertThat(response.code()).as("projects(filter: {manager: %s...}, asOf: %s)", preview(value), asOf)
                        .isEqualTo("VALIDATION_FAILED");
            }
        }
    }

    @Test
    void changeRequestInboxRefusesMalformedAndAnswersUnknownIdsWithNothing() {
        for (String value : HOSTILE) {
            var response = rawAs("approver").execute("hostileFilters", "hostileInbox",
                                                    Map.of("filter", Map.of("portfolioId", value)));
            assertThat(response.code()).as("changeRequests(filter: {portfolioId: %s...})", preview(value))
                    .isEqualTo("VALIDATION_FAILED");
        }
        var unknown = rawAs("approver").execute("hostileFilters", "hostileInbox",
                Map.of("filter", Map.of("portfolioId", "00000000-0000-0000-0000-00000000dead")));
        assertThat(unknown.errors()).isEmpty();
    }

    private static String preview(String value) {
        return value.length() > 20 ? value.substring(0, 20) + " (" + value.length() + " chars)" : value;
    }
}
