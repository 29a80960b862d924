package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.risk.CloseRiskCommand;
import dev.portfolioledger.api.risk.IdentifyRiskCommand;
import dev.portfolioledger.api.risk.ReassessRiskCommand;
import dev.portfolioledger.api.risk.RecordRiskOccurredCommand;
import dev.portfolioledger.api.risk.RiskClosedEvent;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskIdentifiedEvent;
import dev.portfolioledger.api.risk.RiskMitigationStartedEvent;
import dev.portfolioledger.api.risk.RiskOccurredEvent;
import dev.portfolioledger.api.risk.RiskReassessedEvent;
import dev.portfolioledger.api.risk.RiskStatus;
import dev.portfolioledger.api.risk.StartRiskMitigationCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project's risk register: every risk ever identified, by id (an id is never reused), in the
 * order identified. An entity of the Project aggregate. The root lets a risk command through only
 * while the project is open ({@code Project.requireRiskRegisterOpen}); the register then decides:
 * <ul>
 *   <li>a new risk needs an id the register has not used (ALREADY_EXISTS);</li>
 *   <li>every other command needs a risk of the register (NOT_FOUND);</li>
 *   <li>OPEN → MITIGATING ({@code startRiskMitigation}, from OPEN only); OPEN or MITIGATING →
 *       CLOSED ({@code closeRisk}) or OCCURRED ({@code recordRiskOccurred}); only OPEN and
 *       MITIGATING risks are reassessed; anything else is ILLEGAL_TRANSITION. CLOSED and OCCURRED
 *       are final.</li>
 * </ul>
 * Shape rules (ratings 1 to 5, required reasons, lengths) are the commands' own. It also knows
 * what keeps the project from closing ({@link #closureBlockers()}) and closes what is left open
 * when the project ends ({@link #closeOpenRisks}).
 * <p>
 * Snapshots store this object's fields (hence the field visibility for Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class RiskRegister {

    private final Map<RiskId, Risk> risks = new LinkedHashMap<>();

    @CommandHandler
    void handle(IdentifyRiskCommand command) {
        if (risks.containsKey(command.riskId())) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Risk " + command.riskId()
                    + " already exists in project " + command.projectId() + "; ids are never reused");
        }
        apply(new RiskIdentifiedEvent(command.projectId(), command.riskId(), command.title(), command.description(),
                command.category(), command.probability(), command.impact(), command.owner(), command.response(),
                command.responsePlan(), command.reviewDate()));
    }

    @CommandHandler
    void handle(ReassessRiskCommand command) {
        Risk risk = require(command.projectId(), command.riskId());
        risk.requireOpen("reassess");
        LocalDate reviewDate = command.nextReviewDate() == null ? risk.reviewDate() : command.nextReviewDate();
        apply(new RiskReassessedEvent(command.projectId(), command.riskId(), risk.probability(), risk.impact(),
                command.probability(), command.impact(), command.reason(), reviewDate));
    }

    @CommandHandler
    void handle(StartRiskMitigationCommand command) {
        require(command.projectId(), command.riskId()).requireStatus(RiskStatus.OPEN, "start mitigating");
        apply(new RiskMitigationStartedEvent(command.projectId(), command.riskId()));
    }

    @CommandHandler
    void handle(CloseRiskCommand command) {
        Risk risk = require(command.projectId(), command.riskId());
        risk.requireOpen("close");
        apply(new RiskClosedEvent(command.projectId(), command.riskId(), risk.status(), command.reason()));
    }

    /**
     * Records an occurrence the root has checked the linked change request of (it knows the
     * project's change requests).
     */
    void recordOccurred(RecordRiskOccurredCommand command) {
        Risk risk = require(command.projectId(), command.riskId());
        risk.requireOpen("record the occurrence of");
        apply(new RiskOccurredEvent(command.projectId(), command.riskId(), risk.status(), command.impactNote(),
                command.changeRequestId()));
    }

    /** The risk, or NOT_FOUND. */
    Risk require(ProjectId projectId, RiskId riskId) {
        Risk risk = risks.get(riskId);
        if (risk == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "Project " + projectId + " has no risk " + riskId);
        }
        return risk;
    }

    /**
     * What of the register keeps the project from closing: one {@link ClosureBlocker#OPEN_RISK} per
     * risk still OPEN or MITIGATING whose response is not TRANSFER, in the order identified. Closed,
     * occurred and transferred risks do not block.
     */
    List<ClosureBlocker> closureBlockers() {
        return risks.values().stream().filter(Risk::blocksClosure)
                .map(risk -> new ClosureBlocker(ClosureBlocker.OPEN_RISK, risk.riskId().toString(),
                        "Risk '" + risk.title() + "' is " + risk.status() + " (response " + risk.response()
                                + ", exposure " + risk.probability() * risk.impact() + "): close it or record that it occurred"))
                .toList();
    }

    /**
     * Closes every risk still OPEN or MITIGATING (transferred ones included) with the given reason,
     * one {@link RiskClosedEvent} each: what the project does when it ends, so that a finished
     * project leaves nothing in the portfolio's open risks.
     */
    void closeOpenRisks(ProjectId projectId, String reason) {
        List<Risk> open = risks.values().stream().filter(risk -> risk.status().isOpen()).toList();
        for (Risk risk : open) {
            apply(new RiskClosedEvent(projectId, risk.riskId(), risk.status(), reason));
        }
    }

    /** Equal when in the same state (the aggregate fixture compares state sourced and state applied). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RiskRegister that && risks.equals(that.risks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(risks.keySet());
    }

    // --- state ---

    @EventSourcingHandler
    void on(RiskIdentifiedEvent event) {
        risks.put(event.riskId(), new Risk(event.riskId(), event.title(), event.probability(), event.impact(),
                event.response(), event.reviewDate()));
    }

    @EventSourcingHandler
    void on(RiskReassessedEvent event) {
        risks.get(event.riskId()).reassessed(event.probability(), event.impact(), event.reviewDate());
    }

    @EventSourcingHandler
    void on(RiskMitigationStartedEvent event) {
        risks.get(event.riskId()).moveTo(RiskStatus.MITIGATING);
    }

    @EventSourcingHandler
    void on(RiskClosedEvent event) {
        risks.get(event.riskId()).moveTo(RiskStatus.CLOSED);
    }

    @EventSourcingHandler
    void on(RiskOccurredEvent event) {
        risks.get(event.riskId()).moveTo(RiskStatus.OCCURRED);
    }
}
