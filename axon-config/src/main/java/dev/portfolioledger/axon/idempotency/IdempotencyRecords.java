package dev.portfolioledger.axon.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The {@code idempotency_record} table: one row per (principal, Idempotency-Key), holding a hash
 * of the request, the attempt now allowed to run it (with a lease), and once known the response.
 *
 * <p>Every statement here runs on its own (auto-commit), outside any command's transaction, and
 * every time comparison uses the database's clock, so instances with skewed clocks agree.
 */
@Component
public class IdempotencyRecords {

    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;

    public IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a request, or finds what became of it.
     *
     * @param lease     how long the claiming attempt may run before a retry may take over
     * @param retention how long the record is kept
     * @param wait      how long to wait for another attempt still running it
     */
    public IdempotencyClaim claim(String principal, String key, byte[] requestHash, Duration lease,
                                  Duration retention, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        UUID attempt = UUID.randomUUID();
        while (true) {
            int inserted = jdbc.update(
                    "INSERT INTO idempotency_record (principal, idempotency_key, request_hash, attempt, lease_until,"
                            + " created_at, expires_at) VALUES (?, ?, ?, ?, now() + ?::interval, now(),"
                            + " now() + ?::interval) ON CONFLICT (principal, idempotency_key) DO NOTHING",
                    principal, key, requestHash, attempt, interval(lease), interval(retention));
            if (inserted == 1) {
                return IdempotencyClaim.run(attempt);
            }
            List<Existing> found = jdbc.query(
                    "SELECT request_hash, response, lease_until <= now(), expires_at <= now() FROM idempotency_record"
                            + " WHERE principal = ? AND idempotency_key = ?",
                    (rs, row) -> new Existing(rs.getBytes(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)),
                    principal, key);
            if (found.isEmpty()) {
                continue; // purged between the two statements: claim afresh
            }
            Existing existing = found.get(0);
            if (existing.expired()) {
                jdbc.update("DELETE FROM idempotency_record WHERE principal = ? AND idempotency_key = ?"
                                    + " AND expires_at <= now()", principal, key);
                continue;
            }
            if (!Arrays.equals(existing.requestHash(), requestHash)) {
                return IdempotencyClaim.refused(IdempotencyClaim.Decision.REUSED);
            }
            if (existing.response() != null) {
                return IdempotencyClaim.replay(existing.response());
            }
            if (existing.leaseOver() && takeOver(principal, key, attempt, lease)) {
                return IdempotencyClaim.run(attempt);
            }
            if (System.nanoTime() >= deadline) {
                return IdempotencyClaim.refused(IdempotencyClaim.Decision.IN_USE);
            }
            sleep();
        }
    }

    /** Stores the outcome of the attempt, unless a retry has taken the key over meanwhile. */
    public void complete(String principal, String key, UUID attempt, String response) {
        jdbc.update("UPDATE idempotency_record SET response = ?, lease_until = now()"
                            + " WHERE principal = ? AND idempotency_key = ? AND attempt = ? AND response IS NULL",
                    response, principal, key, attempt);
    }

    /**
     * Ends the attempt without an outcome (it did not know it): a retry may run the request
     * again at once. The commands that did commit are in the {@link CommandLedger} and will not
     * run twice.
     */
    public void release(String principal, String key, UUID attempt) {
        jdbc.update("UPDATE idempotency_record SET lease_until = now()"
                            + " WHERE principal = ? AND idempotency_key = ? AND attempt = ? AND response IS NULL",
                    principal, key, attempt);
    }

    /**
     * Deletes at most {@code limit} expired records (their ledger rows go with them), so one
     * run never holds a long transaction over a large backlog.
     *
     * @return how many were deleted
     */
    public int purgeExpired(int limit) {
        return jdbc.update("DELETE FROM idempotency_record WHERE ctid = ANY (ARRAY("
                                   + "SELECT ctid FROM idempotency_record WHERE expires_at <= now() LIMIT ?))", limit);
    }

    private boolean takeOver(String principal, String key, UUID attempt, Duration lease) {
        // only one of several retries finding the lease over gets the row: the others re-check
        // the condition after the winner's update and find the lease running again
        return jdbc.update("UPDATE idempotency_record SET attempt = ?, lease_until = now() + ?::interval"
                                   + " WHERE principal = ? AND idempotency_key = ? AND response IS NULL"
                                   + " AND lease_until <= now()",
                           attempt, interval(lease), principal, key) == 1;
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an earlier attempt", e);
        }
    }

    private record Existing(byte[] requestHash, String response, boolean leaseOver, boolean expired) {
    }
}
