package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskResponse;
import dev.portfolioledger.api.risk.RiskStatus;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One risk of a project's {@link RiskRegister}: what its rules read (status, ratings, response).
 * The register decides and applies; this class names the transition checks and only changes state
 * when the register's event sourcing handlers tell it to.
 * <p>
 * Snapshots store this object's fields (hence the field visibility for Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Risk {

    private RiskId riskId;
    private String title;
    private RiskStatus status;
    private int probability;
    private int impact;
    private RiskResponse response;
    private LocalDate reviewDate;

    /** For Jackson, which restores a risk from a snapshot. */
    private Risk() {
    }

    Risk(RiskId riskId, String title, int probability, int impact, RiskResponse response, LocalDate reviewDate) {
        this.riskId = riskId;
        this.title = title;
        this.status = RiskStatus.OPEN;
        this.probability = probability;
        this.impact = impact;
        this.response = response;
        this.reviewDate = reviewDate;
    }

    RiskId riskId() {
        return riskId;
    }

    String title() {
        return title;
    }

    RiskStatus status() {
        return status;
    }

    int probability() {
        return probability;
    }

    int impact() {
        return impact;
    }

    RiskResponse response() {
        return response;
    }

    LocalDate reviewDate() {
        return reviewDate;
    }

    /** OPEN or MITIGATING, else ILLEGAL_TRANSITION: what reassessing, closing and occurring need. */
    void requireOpen(String action) {
        if (!status.isOpen()) {
            throw illegalTransition(action, "OPEN or MITIGATING");
        }
    }

    /** OPEN, else ILLEGAL_TRANSITION: mitigation starts once. */
    void requireStatus(RiskStatus required, String action) {
        if (status != required) {
            throw illegalTransition(action, required.name());
        }
    }

    /** Still a threat that the project itself carries: open, and not transferred to someone else. */
    boolean blocksClosure() {
        return status.isOpen() && response != RiskResponse.TRANSFER;
    }

    private RuleViolation illegalTransition(String action, String required) {
        return new RuleViolation(ErrorCode.ILLEGAL_TRANSITION,
                "Cannot " + action + " risk " + riskId + ": it is " + status + ", not " + required);
    }

    // --- state, set by the register's event sourcing handlers ---

    void reassessed(int newProbability, int newImpact, LocalDate newReviewDate) {
        probability = newProbability;
        impact = newImpact;
        reviewDate = newReviewDate;
    }

    void moveTo(RiskStatus next) {
        status = next;
    }

    /** Equal when in the same state (the aggregate fixture compares state sourced and state applied). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Risk that && riskId.equals(that.riskId) && title.equals(that.title)
                && status == that.status && probability == that.probability && impact == that.impact
                && response == that.response && Objects.equals(reviewDate, that.reviewDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(riskId, status, probability, impact);
    }
}
