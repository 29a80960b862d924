package dev.portfolioledger.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.CompleteMilestoneCommand;
import dev.portfolioledger.api.project.DeliverableFinishForecastEvent;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.DeliverablePlan;
import dev.portfolioledger.api.project.DeliverableProgressReportedEvent;
import dev.portfolioledger.api.project.ForecastDeliverableFinishCommand;
import dev.portfolioledger.api.project.MilestoneCompletedEvent;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.MilestonePlan;
import dev.portfolioledger.api.project.ReportDeliverableProgressCommand;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a running {@link Project} is doing against its scope: the latest progress report of each
 * deliverable and the milestones reached. An entity of the Project aggregate. The root takes the
 * execution commands, lets them through only while the project is ACTIVE, finds the deliverable
 * or milestone in the current {@link ProjectScope} (NOT_FOUND otherwise) and hands its plan here,
 * where the rules of execution decide:
 * <ul>
 *   <li>a progress report is never dated before the deliverable's previous one (CONFLICT), and a
 *       lower percent than that report's needs a reason (VALIDATION_FAILED);</li>
 *   <li>a milestone is completed once (CONFLICT);</li>
 *   <li>a deliverable reported 100% complete takes no new forecast (CONFLICT).</li>
 * </ul>
 * Snapshots store this object's fields (hence the field visibility for Jackson).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class ProjectExecution {

    /** The latest report of each deliverable reported on (removed deliverables' included: ids are never reused). */
    private final Map<DeliverableId, Progress> progress = new HashMap<>();
    private final Set<MilestoneId> completedMilestones = new HashSet<>();

    /** What the next report of a deliverable is checked against. */
    private record Progress(int percentComplete, LocalDate reportedOn) {
    }

    void reportProgress(ReportDeliverableProgressCommand command) {
        Progress previous = progress.get(command.deliverableId());
        int previousPercent = previous == null ? 0 : previous.percentComplete();
        if (previous != null && command.reportedOn().isBefore(previous.reportedOn())) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Deliverable " + command.deliverableId()
                    + " was last reported on " + previous.reportedOn() + "; a report cannot be dated "
                    + command.reportedOn() + ", before it");
        }
        if (command.percentComplete() < previousPercent && command.reason() == null) {
            throw Checks.invalid("reason is required: " + command.percentComplete() + "% is less than the "
                    + previousPercent + "% reported on " + previous.reportedOn()
                    + " for deliverable " + command.deliverableId() + ", and going backwards needs a reason");
        }
        apply(new DeliverableProgressReportedEvent(command.projectId(), command.deliverableId(),
                command.percentComplete(), previousPercent, command.reportedOn(), command.reason()));
    }

    void completeMilestone(CompleteMilestoneCommand command, MilestonePlan milestone) {
        if (completedMilestones.contains(command.milestoneId())) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Milestone " + command.milestoneId()
                    + " is completed already; a milestone is completed once");
        }
        apply(new MilestoneCompletedEvent(command.projectId(), command.milestoneId(), milestone.dueDate(),
                command.actualDate()));
    }

    void forecastFinish(ForecastDeliverableFinishCommand command, DeliverablePlan deliverable) {
        Progress latest = progress.get(command.deliverableId());
        if (latest != null && latest.percentComplete() == 100) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Deliverable " + command.deliverableId()
                    + " was reported 100% complete on " + latest.reportedOn() + "; a finished deliverable takes no forecast");
        }
        apply(new DeliverableFinishForecastEvent(command.projectId(), command.deliverableId(),
                deliverable.plannedFinish(), command.expectedFinish(), command.reason()));
    }

    // --- state ---

    @EventSourcingHandler
    void on(DeliverableProgressReportedEvent event) {
        progress.put(event.deliverableId(), new Progress(event.percentComplete(), event.reportedOn()));
    }

    @EventSourcingHandler
    void on(MilestoneCompletedEvent event) {
        completedMilestones.add(event.milestoneId());
    }
}
