package dev.portfolioledger.app.input;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values in the filters of the read side (audit trail, projects, change requests, access
 * denials), live and as of an instant: refused as VALIDATION_FAILED before any SQL sees them, never
 * INTERNAL.
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

    @Test
    void accessDenialFiltersRefuseWhatNoStoredValueCanBe() {
        for (String field : List.of("actor", "code", "operation")) {
            for (String value : HOSTILE) {
                var response = rawAs("auditor").execute("hostileFilters", "hostileAccessDenials",
                        Map.of("filter", Map.of(field, value)));
                assertThat(response.code()).as("accessDenials(filter: {%s: %s...})", field, preview(value))
                        .isEqualTo("VALIDATION_FAILED");
            }
        }
    }

    /** A refused request's hostile id cannot keep the refusal off the record: it is recorded without a target. */
    @Test
    void refusalNamingAHostileIdIsRecordedWithoutItsTarget() {
        for (String value : HOSTILE) {
            long before = denials();
            var response = rawAs("ops").execute("hostileFilters", "hostileProject", Map.of("id", value));
            assertThat(response.code()).as("project(id: %s...) as ops", preview(value)).isEqualTo("FORBIDDEN");
            assertThat(denials()).isEqualTo(before + 1);
            assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'target' FROM"
                    + " domainevententry WHERE type = 'AccessDenial' ORDER BY globalindex DESC LIMIT 1", String.class))
                    .isNull();
        }
    }

    private long denials() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE type = 'AccessDenial'", Long.class);
        return count == null ? 0 : count;
    }

    private static String preview(String value) {
        return value.length() > 20 ? value.substring(0, 20) + " (" + value.length() + " chars)" : value;
    }
}
