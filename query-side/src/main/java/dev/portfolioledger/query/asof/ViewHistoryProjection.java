package dev.portfolioledger.query.asof;

import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.deadletter.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the versions of every view with history (portfolio, program, project, plan, change
 * requests, resources), in its own processing group so that the history can be rebuilt from the events
 * without touching the live views, and is built from the events on first start of a database that
 * predates it.
 *
 * <p>A batch's events are collected and written together when the batch commits
 * ({@link BatchedWrites}): one read of the current versions and positions of the batch's
 * aggregates, the events applied in memory with the live projections' evolution functions
 * ({@link AggregateViews}), and one batched statement per table. Versions take the record time of
 * their decision: the first event of the command that stored them, so that every event of one
 * command becomes visible at the same instant. Time is the events' own, never the wall clock.
 */
@Component
@ProcessingGroup(ProcessingGroups.HISTORY)
public class ViewHistoryProjection {

    private final ViewHistory history;
    private final CommittedStates<Committed> committed;
    private final BatchedWrites<DomainEventMessage<?>> writes;

    /**
     * @param history           the tables
     * @param stateCacheSize    how many aggregates' current versions are kept in memory between
     *                          batches ({@link CommittedStates}); 0 reads them for every batch
     */
    public ViewHistoryProjection(ViewHistory history,
                                 @Value("${portfolio.projections.state-cache-size:10000}") int stateCacheSize) {
        this.history = history;
        this.committed = new CommittedStates<>(stateCacheSize);
        this.writes = new BatchedWrites<>(ViewHistoryProjection.class.getName(), this::record);
    }

    /** An aggregate's history as a batch committed it: its position and current versions. */
    private record Committed(ViewHistory.Position position, List<ViewVersion.Open> versions) {
    }

    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            writes.add(domainEvent, unitOfWork);
        }
    }

    @ResetHandler
    void reset() {
        committed.clear();
        history.deleteAll();
    }

    /** Applies events (in stream order per aggregate) to the stored history. */
    void record(List<DomainEventMessage<?>> events) {
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            byAggregate.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        }
        Map<String, Long> indexes = history.globalIndexes(events.stream().map(EventMessage::getIdentifier).toList());
        Map<String, ViewHistory.Position> positions = history.positions(byAggregate.keySet());
        Map<String, Map<ViewKey, ViewVersion>> open = new LinkedHashMap<>();
        List<String> toRead = new ArrayList<>();
        positions.forEach((aggregateId, position) -> {
            Committed held = committed.at(aggregateId, position.lastSequence());
            if (held == null) {
                toRead.add(aggregateId);
                return;
            }
            Map<ViewKey, ViewVersion> current = new LinkedHashMap<>();
            held.versions().forEach(v -> current.put(v.key(), ViewVersion.stored(aggregateId, v)));
            open.put(aggregateId, current);
        });
        for (ViewVersion version : history.openVersions(toRead)) {
            open.computeIfAbsent(version.aggregateId, id -> new LinkedHashMap<>()).put(version.key, version);
        }
        List<ViewVersion> created = new ArrayList<>();
        Set<ViewVersion> updated = new LinkedHashSet<>();
        List<ViewHistory.Position> moved = new ArrayList<>();
        Map<String, CommittedStates.Entry<Committed>> after = new HashMap<>();
        byAggregate.forEach((aggregateId, stream) -> {
            Map<ViewKey, ViewVersion> current = open.computeIfAbsent(aggregateId, id -> new LinkedHashMap<>());
            ViewHistory.Position before = positions.get(aggregateId);
            ViewHistory.Position position = apply(aggregateId, stream, before, current, indexes, created, updated);
            if (position != before) {
                moved.add(position);
                after.put(aggregateId, new CommittedStates.Entry<>(position.lastSequence(), new Committed(
                        position, current.values().stream().map(ViewVersion::open).toList())));
            }
        });
        history.write(created, List.copyOf(updated), moved);
        committed.putOnCommit(after);
    }

    private ViewHistory.Position apply(String aggregateId, List<DomainEventMessage<?>> stream,
                                       ViewHistory.Position position, Map<ViewKey, ViewVersion> current,
                                       Map<String, Long> indexes, List<ViewVersion> created,
                                       Set<ViewVersion> updated) {
        AggregateViews views = AggregateViews.of(current.values().stream().map(v -> v.view).toList());
        stream.sort(Comparator.comparingLong(DomainEventMessage::getSequenceNumber));
        for (DomainEventMessage<?> event : stream) {
            if (position != null && event.getSequenceNumber() <= position.lastSequence()) {
                continue; // redelivered, or replayed over a history that has it
            }
            Long index = indexes.get(event.getIdentifier());
            if (index == null) {
                throw new IllegalStateException("Event " + event.getIdentifier() + " is not in the event store");
            }
            String causation = causationOf(event);
            boolean sameDecision = position != null && position.causationId().equals(causation);
            long decidedNs = sameDecision ? position.decidedNs() : RecordTime.nanos(event.getTimestamp());
            long decidedIndex = sameDecision ? position.decidedIndex() : index;
            if (position != null && decidedNs < position.decidedNs()) {
                // a clock that went back: the decision becomes visible with the one before it, as
                // a fold over the stream's prefix would show it
                decidedNs = position.decidedNs();
            }
            views.apply(event.getPayload(), event.getTimestamp(), event.getSequenceNumber());
            position = new ViewHistory.Position(aggregateId, event.getSequenceNumber(), causation, decidedNs,
                                                decidedIndex);
            for (Map.Entry<ViewKey, Object> view : views.views().entrySet()) {
                ViewVersion version = current.get(view.getKey());
                if (version != null && (version.view == view.getValue() || version.view.equals(view.getValue()))) {
                    continue;
                }
                if (version != null && version.fromNs == decidedNs) {
                    version.amend(view.getValue());
                    version.sequence = event.getSequenceNumber();
                    if (version.stored) {
                        updated.add(version);
                    }
                    continue;
                }
                if (version != null) {
                    // closed: only its end changes
                    version.toNs = decidedNs;
                    version.toIndex = decidedIndex;
                    if (version.stored) {
                        updated.add(version);
                    }
                }
                ViewVersion next = ViewVersion.created(view.getKey(), aggregateId, view.getValue(), decidedNs,
                                                       decidedIndex, event.getSequenceNumber());
                created.add(next);
                current.put(view.getKey(), next);
            }
        }
        return position;
    }

    private static String causationOf(DomainEventMessage<?> event) {
        Object causation = event.getMetaData().get(AuditMetadata.CAUSATION_ID);
        // without one (not stored by a command), the event is a decision of its own
        return causation == null ? event.getIdentifier() : causation.toString();
    }
}
