package dev.portfolioledger.query.audit;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailFilterTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-28T12:00:00Z");

    @Test
    void refusesAnIntervalThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new AuditTrailFilter(null, null, null, null, null, NOON, NOON.minusSeconds(1)).checked())
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void acceptsOpenAndEmptyIntervals() {
        assertThatCode(() -> {
            new AuditTrailFilter(null, null, null, null, null, NOON, NOON).checked();
            new AuditTrailFilter(null, null, null, null, null, NOON, null).checked();
            new AuditTrailFilter(null, null, null, null, null, null, NOON).checked();
        }).doesNotThrowAnyException();
    }
}
