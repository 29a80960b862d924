package dev.portfolioledger.query.status;

import dev.portfolioledger.api.status.Rag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestedRagTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Instant KNOWN = Instant.parse("2026-12-01T09:00:00Z");
    private static final SuggestedRagThresholds.Ratio RATIO = new SuggestedRagThresholds.Ratio(
            new BigDecimal("0.95"), new BigDecimal("0.85"));

    private static SuggestedRag suggest(String spi, String cpi, int pending) {
        return SuggestedRag.of(SuggestedRagThresholds.DEFAULTS, DAY, KNOWN, spi == null ? null : new BigDecimal(spi),
                               cpi == null ? null : new BigDecimal(cpi), pending);
    }

    @Test
    void aRatioAtGreenFromIsGreenAndJustBelowItAmber() {
        assertThat(SuggestedRag.ofRatio(new BigDecimal("0.95"), RATIO)).isEqualTo(Rag.GREEN);
        assertThat(SuggestedRag.ofRatio(new BigDecimal("0.9500000000"), RATIO)).isEqualTo(Rag.GREEN);
        assertThat(SuggestedRag.ofRatio(new BigDecimal("1.7"), RATIO)).isEqualTo(Rag.GREEN);
        assertThat(SuggestedRag.ofRatio(new BigDecimal("0.9499999999"), RATIO)).isEqualTo(Rag.AMBER);
    }

    @Test
    void aRatioAtAmberFromIsAmberAndJustBelowItRed() {
        assertThat(SuggestedRag.ofRatio(new BigDecimal("0.85"), RATIO)).isEqualTo(Rag.AMBER);
        assertThat(SuggestedRag.ofRatio(new BigDecimal("0.8499999999"), RATIO)).isEqualTo(Rag.RED);
        assertThat(SuggestedRag.ofRatio(BigDecimal.ZERO, RATIO)).isEqualTo(Rag.RED);
    }

    @Test
    void anUndefinedRatioSuggestsNothing() {
        assertThat(SuggestedRag.ofRatio(null, RATIO)).isNull();
        SuggestedRag nothingPlannedNorSpent = suggest(null, null, 0);
        assertThat(nothingPlannedNorSpent.schedule()).isNull();
        assertThat(nothingPlannedNorSpent.cost()).isNull();
        assertThat(nothingPlannedNorSpent.overall()).isEqualTo(Rag.GREEN); // from the scope alone
    }

    @Test
    void pendingChangeRequestsNoneGreenUpToTheThresholdAmberMoreRed() {
        SuggestedRagThresholds.Scope upToTwo = new SuggestedRagThresholds.Scope(2);
        assertThat(SuggestedRag.ofPending(0, upToTwo)).isEqualTo(Rag.GREEN);
        assertThat(SuggestedRag.ofPending(1, upToTwo)).isEqualTo(Rag.AMBER);
        assertThat(SuggestedRag.ofPending(2, upToTwo)).isEqualTo(Rag.AMBER);
        assertThat(SuggestedRag.ofPending(3, upToTwo)).isEqualTo(Rag.RED);
        assertThat(SuggestedRag.ofPending(1, new SuggestedRagThresholds.Scope(0))).isEqualTo(Rag.RED);
    }

    @Test
    void overallIsTheWorstOfTheSuggestionsThatExist() {
        assertThat(SuggestedRag.worst(Rag.GREEN, Rag.AMBER, Rag.GREEN)).isEqualTo(Rag.AMBER);
        assertThat(SuggestedRag.worst(Rag.AMBER, null, Rag.RED)).isEqualTo(Rag.RED);
        assertThat(SuggestedRag.worst(null, null, null)).isNull();
        assertThat(suggest("1.0", "0.9", 0).overall()).isEqualTo(Rag.AMBER);
        assertThat(suggest("1.0", null, 3).overall()).isEqualTo(Rag.RED);
        assertThat(suggest("0.96", "0.97", 0).overall()).isEqualTo(Rag.GREEN);
    }

    @Test
    void theSuggestionKeepsItsNumbers() {
        SuggestedRag suggested = suggest("0.9", "0.5", 1);
        assertThat(suggested.at()).isEqualTo(DAY);
        assertThat(suggested.knownAt()).isEqualTo(KNOWN);
        assertThat(suggested.schedulePerformanceIndex()).isEqualByComparingTo("0.9");
        assertThat(suggested.costPerformanceIndex()).isEqualByComparingTo("0.5");
        assertThat(suggested.pendingChangeRequests()).isEqualTo(1);
        assertThat(suggested.ratings()).isEqualTo(new RagRatings(Rag.RED, Rag.AMBER, Rag.AMBER, Rag.RED));
    }

    @Test
    void greenWhereRedListsEachDimensionReportedGreenThatTheNumbersRateRed() {
        SuggestedRag suggested = suggest("0.5", "0.9", 5); // schedule RED, cost AMBER, scope RED, overall RED
        assertThat(suggested.greenWhereRed(new RagRatings(Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN)))
                .containsExactly(RagDimension.OVERALL, RagDimension.SCOPE, RagDimension.SCHEDULE);
        assertThat(suggested.greenWhereRed(new RagRatings(Rag.AMBER, Rag.RED, Rag.GREEN, Rag.GREEN)))
                .containsExactly(RagDimension.SCHEDULE);
        // AMBER where the numbers say RED is not "green where red"; nor is GREEN where they say AMBER
        assertThat(suggested.greenWhereRed(new RagRatings(Rag.AMBER, Rag.AMBER, Rag.AMBER, Rag.GREEN))).isEmpty();
        assertThat(suggested.greenWhereRed(null)).isEmpty();
    }

    @Test
    void anUndefinedRatioNeverDisagrees() {
        SuggestedRag suggested = suggest(null, null, 0);
        assertThat(suggested.greenWhereRed(new RagRatings(Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN))).isEmpty();
    }

    @Test
    void thresholdsDefaultAndRefuseAnAmberAboveGreen() {
        SuggestedRagThresholds defaults = new SuggestedRagThresholds(null, null, null);
        assertThat(defaults.schedule().greenFrom()).isEqualByComparingTo("0.95");
        assertThat(defaults.cost().amberFrom()).isEqualByComparingTo("0.85");
        assertThat(defaults.scope().amberUpTo()).isEqualTo(2);
        SuggestedRagThresholds strict = new SuggestedRagThresholds(
                new SuggestedRagThresholds.Ratio(new BigDecimal("1.0"), new BigDecimal("0.9")), null,
                new SuggestedRagThresholds.Scope(0));
        assertThat(SuggestedRag.of(strict, DAY, KNOWN, new BigDecimal("0.97"), null, 0).schedule())
                .isEqualTo(Rag.AMBER);
        assertThatThrownBy(() -> new SuggestedRagThresholds.Ratio(new BigDecimal("0.8"), new BigDecimal("0.9")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuggestedRagThresholds.Scope(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
