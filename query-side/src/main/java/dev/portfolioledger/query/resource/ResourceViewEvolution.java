package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceCostRateChangedEvent;
import dev.portfolioledger.api.resource.ResourceEvent;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.resource.ResourceSkillsRevisedEvent;

import java.time.Instant;

/**
 * The resource view as a left fold over its events: used by the live projection one event at a
 * time, by the history projection, and over a stored stream to rebuild the view as of any instant.
 */
public final class ResourceViewEvolution {

    private ResourceViewEvolution() {
    }

    /**
     * The view after {@code event}, recorded at {@code at}. Events that do not change a resource
     * view (other aggregates' events, time log entries and their reversals) leave {@code before}
     * as it is, the very same object, so that the history writes no version for them.
     *
     * @param before the view before the event, null before the resource was registered
     * @throws IllegalStateException when an event of a resource arrives that has no view yet:
     *                               applying it to nothing would hide a lost registration event
     */
    public static ResourceView apply(ResourceView before, Object event, Instant at) {
        if (!(event instanceof ResourceEvent)) {
            return before;
        }
        if (event instanceof ResourceRegisteredEvent e) {
            return ResourceView.registered(e);
        }
        ResourceView existing = existing(before, event);
        if (event instanceof ResourceSkillsRevisedEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceCapacityChangedEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceCostRateChangedEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceLeaveRecordedEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceRetiredEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceAllocatedEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceReallocatedEvent e) {
            return existing.on(e);
        }
        if (event instanceof ResourceReleasedEvent e) {
            return existing.on(e);
        }
        return existing; // time log entries and reversals: kept by TimeEntries, not in the view
    }

    private static ResourceView existing(ResourceView before, Object event) {
        if (before == null) {
            throw new IllegalStateException(
                    "No resource view to apply " + event.getClass().getSimpleName() + " to");
        }
        return before;
    }
}
