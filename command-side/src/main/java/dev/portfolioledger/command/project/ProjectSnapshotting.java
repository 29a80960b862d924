package dev.portfolioledger.command.project;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of {@link Project}: a long-lived project's stream grows with every change request,
 * and every command loads it. Axon's snapshotter stores the aggregate's fields as JSON in
 * {@code snapshotevententry} after the command that brings the stream
 * {@code portfolio.snapshots.project-threshold} events past the last snapshot; a snapshot whose
 * revision is not the {@code @Revision} of {@link Project} is ignored on loading.
 */
@Configuration
class ProjectSnapshotting {

    @Bean
    SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${portfolio.snapshots.project-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
