package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.deadletter.BatchedWrites;
import dev.portfolioledger.axon.integrity.LeafEncoding;
import dev.portfolioledger.axon.integrity.StoredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends one Merkle leaf per stored event to {@code integrity_leaf}: the audit log.
 *
 * <p><b>Log order.</b> The integrity processing group is a pooled streaming processor with a single
 * segment and one thread, so it sees every event once, in one order: the event store's global-index
 * order, except that an event whose transaction committed late (its global index was a gap when later
 * events were read) is delivered when it shows up, after those later events; Axon's
 * {@code GapAwareTrackingToken} remembers the gap until then. The log index is simply the position in
 * that delivery order: the next index after the last leaf. An event is never appended twice (the event
 * identifier is unique in the table), and the group is never replayed ({@link DisallowReplay}; a rebuild
 * of it is refused), so the log only ever grows at its end.
 *
 * <p>The leaf is computed from the event's row in {@code domainevententry}, read back as stored (the
 * message carries deserialized values, not the stored bytes). The rows of a batch are read with one
 * query and their leaves written with one batched insert, in the processor's transaction together with
 * its token: a leaf is appended exactly when the token moves past its event.
 */
@IntegrityEnabled
@Component
@ProcessingGroup(ProcessingGroups.INTEGRITY)
@DisallowReplay
public class IntegrityLogAppender {

    private static final Logger log = LoggerFactory.getLogger(IntegrityLogAppender.class);

    /** The event table's columns in the order {@link StoredEvents#read} takes them. */
    public static final String EVENT_COLUMNS = "globalindex, type, aggregateidentifier, sequencenumber,"
            + " eventidentifier, timestamp, payloadtype, payloadrevision, metadata, payload";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<String> writes;

    public IntegrityLogAppender(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(IntegrityLogAppender.class.getName(), this::append);
    }

    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        writes.add(event.getIdentifier(), unitOfWork);
    }

    /** Appends the leaves of these events (event identifiers, in delivery order) after the log's last leaf. */
    void append(List<String> eventIdentifiers) {
        Map<String, StoredEvent> rows = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM domainevententry WHERE eventidentifier = ANY(?)");
            Array ids = connection.createArrayOf("varchar", eventIdentifiers.toArray());
            statement.setArray(1, ids);
            return statement;
        }, rs -> {
            StoredEvent row = StoredEvents.read(rs);
            rows.put(row.eventIdentifier(), row);
        });
        Long last = jdbc.queryForObject("SELECT max(log_index) FROM integrity_leaf", Long.class);
        long next = last == null ? 0 : last + 1;
        List<Object[]> leaves = new ArrayList<>(eventIdentifiers.size());
        for (String eventIdentifier : eventIdentifiers) {
            StoredEvent row = rows.get(eventIdentifier);
            if (row == null) {
                // delivered from the table a moment ago and gone now: deleted behind the service's back
                log.error("ALERT audit integrity: event {} was delivered but is no longer in the event table;"
                        + " it gets no leaf", eventIdentifier);
                continue;
            }
            leaves.add(new Object[] {next++, row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(),
                    row.sequenceNumber(), LeafEncoding.leafHash(row)});
        }
        if (!leaves.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO integrity_leaf (log_index, global_index, event_identifier,"
                    + " aggregate_identifier, sequence_number, leaf_hash) VALUES (?, ?, ?, ?, ?, ?)", leaves);
        }
    }
}
