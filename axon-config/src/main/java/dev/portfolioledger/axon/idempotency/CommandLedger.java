package dev.portfolioledger.axon.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@code idempotency_command} table: which step of which keyed request has committed.
 *
 * <p>{@link #record} runs inside the command's transaction, before its handler: the row commits
 * with the events or not at all, and its primary key lets at most one execution of a step ever
 * commit. A second execution of the same step (a retry that overtook a slow first attempt, the
 * same request on another instance) waits on that key until the first commits, then fails with a
 * duplicate key before it applied anything.
 */
@Component
public class CommandLedger {

    private final JdbcTemplate jdbc;

    public CommandLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RecordedCommand> find(String principal, String key, int step) {
        return jdbc.query("SELECT aggregate_id, correlation_id FROM idempotency_command"
                                  + " WHERE principal = ? AND idempotency_key = ? AND step = ?",
                          (rs, row) -> new RecordedCommand(rs.getString(1), rs.getString(2)), principal, key, step)
                .stream().findFirst();
    }

    void record(String principal, String key, int step, String aggregateId, String correlationId) {
        jdbc.update("INSERT INTO idempotency_command (principal, idempotency_key, step, aggregate_id, correlation_id)"
                            + " VALUES (?, ?, ?, ?, ?)", principal, key, step, aggregateId, correlationId);
    }
}
