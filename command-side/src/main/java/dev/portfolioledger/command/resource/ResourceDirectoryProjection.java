package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Notes which projects each resource is allocated to, in the allocating command's transaction
 * (subscribing group), so that when a project ends the release process finds every resource with
 * an allocation to it, never one fewer.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class ResourceDirectoryProjection {

    private final ResourceDirectory directory;

    ResourceDirectoryProjection(ResourceDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ResourceAllocatedEvent event) {
        directory.recordAllocation(event.resourceId(), event.allocation().projectId());
    }

    @EventHandler
    void on(ResourceReallocatedEvent event) {
        directory.recordAllocation(event.resourceId(), event.toProjectId());
    }
}
