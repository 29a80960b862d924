package dev.portfolioledger.command.status;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.PublishStatusReportCommand;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One published status report of a project. It takes no command after its publication: a report
 * is never edited, and a correction is a new report that supersedes it (decided by
 * {@link StatusReportCommandHandler}, which checks the superseded report in the directory).
 */
@Aggregate
public class StatusReport {

    @AggregateIdentifier
    private StatusReportId statusReportId;
    private ProjectId projectId;

    /** For Axon, which rebuilds a report from its event. */
    protected StatusReport() {
    }

    StatusReport(PublishStatusReportCommand command) {
        apply(new StatusReportPublishedEvent(command.statusReportId(), command.projectId(), command.periodStart(),
                command.periodEnd(), command.overall(), command.scope(), command.schedule(), command.cost(),
                command.summary(), command.accomplishments(), command.nextSteps(), command.decisionsNeeded(),
                command.supersedes()));
    }

    @EventSourcingHandler
    void on(StatusReportPublishedEvent event) {
        statusReportId = event.statusReportId();
        projectId = event.projectId();
    }
}
