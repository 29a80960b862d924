package dev.portfolioledger.axon.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentClaimConfigurationTest {

    @Test
    void acceptsAThresholdThatLeavesThreeRenewalsWithinTheClaimTimeout() {
        assertThatCode(() -> SegmentClaimConfiguration.requireRenewalsWithinTimeout(
                Duration.ofMillis(500), Duration.ofSeconds(2))).doesNotThrowAnyException();
        assertThatCode(() -> SegmentClaimConfiguration.requireRenewalsWithinTimeout(
                Duration.ofMillis(2000), Duration.ofSeconds(6))).doesNotThrowAnyException();
    }

    @Test
    void refusesAThresholdCloseToTheClaimTimeoutBecauseInstancesWouldStealIdleSegments() {
        assertThatThrownBy(() -> SegmentClaimConfiguration.requireRenewalsWithinTimeout(
                Duration.ofMillis(700), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most a third of axon.eventhandling.tokenstore.claim-timeout");
        // Axon's own default threshold (5 s) against the timeout configured here
        assertThatThrownBy(() -> SegmentClaimConfiguration.requireRenewalsWithinTimeout(
                Duration.ofSeconds(5), Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAThresholdThatIsNotPositive() {
        assertThatThrownBy(() -> SegmentClaimConfiguration.requireRenewalsWithinTimeout(
                Duration.ZERO, Duration.ofSeconds(2))).hasMessageContaining("must be positive");
    }
}
