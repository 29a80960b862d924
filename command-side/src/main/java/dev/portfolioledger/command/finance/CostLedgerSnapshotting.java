package dev.portfolioledger.command.finance;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of {@link CostLedger}: a ledger only grows (entries are never edited), and every
 * expense and reversal loads it. As for projects (see {@code ProjectSnapshotting}), a snapshot is
 * stored after the command that takes the stream {@code portfolio.snapshots.cost-ledger-threshold}
 * events past the last one; a snapshot whose revision is not the {@code @Revision} of
 * {@link CostLedger} is ignored on loading.
 */
@Configuration
class CostLedgerSnapshotting {

    @Bean
    SnapshotTriggerDefinition costLedgerSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${portfolio.snapshots.cost-ledger-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
