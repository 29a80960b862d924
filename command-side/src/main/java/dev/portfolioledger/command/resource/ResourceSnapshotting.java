package dev.portfolioledger.command.resource;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of {@link Resource}: its stream grows with every allocation, release and time log
 * entry, and every command loads it. As for projects (see {@code ProjectSnapshotting}), a snapshot
 * is stored after the command that takes the stream {@code portfolio.snapshots.resource-threshold}
 * events past the last one; a snapshot whose revision is not the {@code @Revision} of
 * {@link Resource} is ignored on loading.
 */
@Configuration
class ResourceSnapshotting {

    @Bean
    SnapshotTriggerDefinition resourceSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${portfolio.snapshots.resource-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
