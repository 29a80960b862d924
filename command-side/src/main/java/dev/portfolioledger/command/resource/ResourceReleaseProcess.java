package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ReleaseProjectAllocationsCommand;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.security.SystemActor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a project ends, its people are free again: every resource allocated to it is sent a
 * {@link ReleaseProjectAllocationsCommand} from the day the project ended (the event's recorded
 * time, as a UTC date), so allocations from then on are released and the past stays as it was.
 * <p>
 * The commands are sent as {@code system:resource-release}; Axon's correlation data makes the
 * project's event their cause ({@code causationId}) and keeps its {@code correlationId}. They run
 * in this processor's transaction, so the releases and the processor's token commit together.
 * Releasing is idempotent in the aggregate: an event handled again (a retry, a reset and replay)
 * sends commands that change nothing and store no event.
 * <p>
 * A project ends by cancellation or by closure; both release the same way.
 */
@Component
@ProcessingGroup(ProcessingGroups.RESOURCE_RELEASE)
class ResourceReleaseProcess {

    static final String ACTOR = "resource-release";

    private final ResourceDirectory resources;
    private final CommandGateway commands;

    ResourceReleaseProcess(ResourceDirectory resources, CommandGateway commands) {
        this.resources = resources;
        this.commands = commands;
    }

    @EventHandler
    void on(ProjectCancelledEvent event, @Timestamp Instant recorded) {
        release(event.projectId(), recorded, bounded("Project cancelled: " + event.reason()));
    }

    @EventHandler
    void on(ProjectClosedEvent event, @Timestamp Instant recorded) {
        release(event.projectId(), recorded, "Project closed");
    }

    /** A reason may be as long as a command allows; the prefix must not make it longer. */
    static String bounded(String reason) {
        if (reason.length() <= Checks.REASON_MAX) {
            return reason;
        }
        int end = Checks.REASON_MAX - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "\u2026";
    }

    private void release(ProjectId projectId, Instant ended, String reason) {
        LocalDate releaseFrom = LocalDate.ofInstant(ended, ZoneOffset.UTC);
        for (ResourceId resourceId : resources.allocatedTo(projectId)) {
            var command = GenericCommandMessage.asCommandMessage(
                            new ReleaseProjectAllocationsCommand(resourceId, projectId, releaseFrom, reason))
                    .andMetaData(MetaData.with(AuditMetadata.REASON, reason));
            SystemActor.call(ACTOR, () -> commands.sendAndWait(command));
        }
    }
}
