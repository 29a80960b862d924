package dev.portfolioledger.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.PageRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit_entry table. */
@Repository
public class AuditEntries {

    /** Names the audit trail in its cursors. */
    public static final String LISTING = "auditTrail";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public AuditEntries(NamedParameterJdbcTemplate jdbc,
                        @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * Records the entries once each, at the global indexes the event store gave their events (the
     * entries' own {@code globalIndex} is not looked at): one query for the indexes, one batch of
     * inserts. A replayed or redelivered event finds its entry already there and leaves it
     * untouched.
     *
     * @throws IllegalStateException when an entry's event is not in the event store
     */
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Long> indexes = globalIndexesOf(entries.stream().map(AuditEntry::eventId).toList());
        SqlParameterSource[] rows = entries.stream().map(entry -> {
            Long index = indexes.get(entry.eventId());
            if (index == null) {
                throw new IllegalStateException("Event " + entry.eventId() + " is not in the event store");
            }
            return new MapSqlParameterSource()
                    .addValue("eventId", entry.eventId())
                    .addValue("eventType", entry.eventType())
                    .addValue("aggregateId", entry.aggregateId())
                    .addValue("aggregateType", entry.aggregateType())
                    .addValue("sequenceNumber", entry.sequenceNumber())
                    .addValue("globalIndex", index)
                    .addValue("recordedAt", OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
                    .addValue("actor", entry.actor())
                    .addValue("reason", entry.reason())
                    .addValue("correlationId", entry.correlationId())
                    .addValue("causationId", entry.causationId())
                    .addValue("requestId", entry.requestId())
                    .addValue("commandName", entry.commandName())
                    .addValue("payload", toJson(entry));
        }).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO audit_entry (event_id, event_type, aggregate_id, aggregate_type, sequence_number,
                                         global_index, recorded_at, actor, reason, correlation_id, causation_id,
                                         request_id, command_name, payload)
                VALUES (:eventId, :eventType, :aggregateId, :aggregateType, :sequenceNumber, :globalIndex,
                        :recordedAt, :actor, :reason, :correlationId, :causationId, :requestId, :commandName,
                        CAST(:payload AS jsonb))
                ON CONFLICT (event_id) DO NOTHING
                """, rows);
    }

    /**
     * Newest first (global index descending); a keyset query that reads one row past the page. As
     * of an instant (null: now), the entries of the decisions recorded up to it: an entry recorded
     * later counts when its command's first event was recorded by then, as the as-of views show
     * every event of one command from the same instant.
     */
    public Connection<AuditEntry> page(AuditTrailFilter filter, PageRequest<Long> page, OffsetDateTime asOf) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.fetchSize());
        if (asOf != null) {
            conditions.add("(recorded_at <= :asOf OR EXISTS (SELECT 1 FROM audit_entry decision "
                                   + "WHERE decision.causation_id = audit_entry.causation_id "
                                   + "AND decision.recorded_at <= :asOf))");
            params.addValue("asOf", asOf);
        }
        if (filter.aggregateId() != null) {
            conditions.add("aggregate_id = :aggregateId");
            params.addValue("aggregateId", filter.aggregateId());
        }
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            params.addValue("actor", filter.actor());
        }
        if (filter.eventType() != null) {
            conditions.add("event_type = :eventType");
            params.addValue("eventType", filter.eventType());
        }
        if (filter.correlationId() != null) {
            conditions.add("correlation_id = :correlationId");
            params.addValue("correlationId", filter.correlationId());
        }
        if (filter.requestId() != null) {
            conditions.add("request_id = :requestId");
            params.addValue("requestId", filter.requestId());
        }
        if (filter.from() != null) {
            conditions.add("recorded_at >= :from");
            params.addValue("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("recorded_at < :to");
            params.addValue("to", filter.to());
        }
        if (page.after() != null) {
            conditions.add("global_index < :after");
            params.addValue("after", page.after());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
        List<Edge<AuditEntry>> rows = jdbc.query(
                "SELECT * FROM audit_entry " + where + "ORDER BY global_index DESC LIMIT :limit", params,
                (rs, n) -> {
                    AuditEntry entry = entry(rs);
                    return new Edge<>(Cursors.encode(LISTING, Long.toString(entry.globalIndex())), entry);
                });
        return Connection.of(rows, page.first());
    }

    /** The events' positions in the event store, read from the store itself, by event id. */
    Map<String, Long> globalIndexesOf(List<String> eventIds) {
        Map<String, Long> indexes = new HashMap<>();
        // one array parameter, so every batch size runs the same (server-prepared) statement
        jdbc.query("SELECT eventidentifier, globalindex FROM domainevententry WHERE eventidentifier = ANY(:ids)",
                new MapSqlParameterSource("ids", eventIds.toArray(String[]::new)),
                rs -> {
                    indexes.put(rs.getString(1), rs.getLong(2));
                });
        return indexes;
    }

    public void deleteAll() {
        // TRUNCATE, not DELETE: see ViewHistory.deleteAll
        jdbc.getJdbcTemplate().execute("TRUNCATE audit_entry");
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("aggregate_id"),
                rs.getString("aggregate_type"),
                rs.getLong("sequence_number"),
                rs.getLong("global_index"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("reason"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                rs.getString("request_id"),
                rs.getString("command_name"),
                json(rs.getString("payload")));
    }

    private String toJson(AuditEntry entry) {
        try {
            return objectMapper.writeValueAsString(entry.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the payload of event " + entry.eventId() + " as JSON", e);
        }
    }

    private Object json(String text) {
        try {
            return objectMapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_entry holds a payload that is not JSON", e);
        }
    }
}
