package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the project directory's status in step with the lifecycle events. Its group is
 * subscribing, so this runs in the lifecycle command's transaction and the directory is never
 * behind. The proposal is recorded (as PROPOSED) by {@link ProjectCommandHandler}'s claim.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class ProjectDirectoryProjection {

    private final ProjectDirectory directory;

    ProjectDirectoryProjection(ProjectDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ProjectApprovedEvent event) {
        directory.markStatus(event.projectId(), ProjectStatus.APPROVED);
    }

    @EventHandler
    void on(ProjectStartedEvent event) {
        directory.markStatus(event.projectId(), ProjectStatus.ACTIVE);
    }

    @EventHandler
    void on(ProjectPutOnHoldEvent event) {
        directory.markStatus(event.projectId(), ProjectStatus.ON_HOLD);
    }

    @EventHandler
    void on(ProjectResumedEvent event) {
        directory.markStatus(event.projectId(), ProjectStatus.ACTIVE);
    }

    @EventHandler
    void on(ProjectCancelledEvent event) {
        directory.markStatus(event.projectId(), ProjectStatus.CANCELLED);
    }

    @EventHandler
    void on(ProjectClosedEvent event) {
        directory.markStatus(event.projectId(), ProjectStatus.CLOSED);
    }
}
