package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Records proposed projects in the project directory. Its group is subscribing, so this runs in
 * the proposing command's transaction; the id was checked before the event was applied, so the
 * insert cannot conflict.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class ProjectDirectoryProjection {

    private final ProjectDirectory directory;

    ProjectDirectoryProjection(ProjectDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ProjectProposedEvent event) {
        directory.add(event.projectId(), event.portfolioId(), event.programId());
    }
}
