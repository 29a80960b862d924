package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.integrity.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The audit log's Merkle tree in memory, built from {@code integrity_leaf} at start-up and extended
 * from it before each use ({@link #refresh}): whichever instance appended the leaves, the tree holds
 * every committed leaf in log order. Roots and proofs come from here; nothing re-reads the leaves.
 */
@IntegrityEnabled
@Component
public class IntegrityLog {

    private static final Logger log = LoggerFactory.getLogger(IntegrityLog.class);

    private final JdbcTemplate jdbc;
    private final MerkleTree tree = new MerkleTree();

    public IntegrityLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One recorded leaf and the event it vouches for. */
    public record Leaf(long logIndex, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                       long sequenceNumber, byte[] leafHash) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        long started = System.nanoTime();
        int size = refresh();
        log.info("Audit log: {} leaves loaded into the Merkle tree in {} ms", size,
                 (System.nanoTime() - started) / 1_000_000);
    }

    /** Appends the leaves committed since the last refresh; returns the tree's size. */
    public synchronized int refresh() {
        int from = tree.size();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT log_index, leaf_hash FROM integrity_leaf WHERE log_index >= ? ORDER BY log_index");
            statement.setLong(1, from);
            statement.setFetchSize(5000);
            return statement;
        }, rs -> {
            long index = rs.getLong(1);
            if (index != tree.size()) {
                // a hole in the leaf table: stop here; verification reports it
                throw new IllegalStateException("the audit log has no leaf at log index " + tree.size()
                        + " (next is " + index + ")");
            }
            tree.append(rs.getBytes(2));
        });
        return tree.size();
    }

    public synchronized int size() {
        return tree.size();
    }

    public synchronized byte[] root(int treeSize) {
        return tree.root(treeSize);
    }

    public synchronized List<byte[]> inclusionProof(int logIndex, int treeSize) {
        return tree.inclusionProof(logIndex, treeSize);
    }

    public synchronized List<byte[]> consistencyProof(int firstSize, int secondSize) {
        return tree.consistencyProof(firstSize, secondSize);
    }

    public Optional<Leaf> leafOfEvent(String eventIdentifier) {
        return leaf("event_identifier = ?", eventIdentifier);
    }

    public Optional<Leaf> leafOf(String aggregateIdentifier, long sequenceNumber) {
        return leaf("aggregate_identifier = ? AND sequence_number = ?", aggregateIdentifier, sequenceNumber);
    }

    private Optional<Leaf> leaf(String condition, Object... arguments) {
        return jdbc.query("SELECT log_index, global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " leaf_hash FROM integrity_leaf WHERE " + condition + " ORDER BY log_index LIMIT 1",
                (rs, row) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBytes(6)), arguments).stream().findFirst();
    }
}
