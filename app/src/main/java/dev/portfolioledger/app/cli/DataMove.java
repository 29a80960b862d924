package dev.portfolioledger.app.cli;

import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.integrity.MerkleTree;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies what a deployment's record is made of from one PostgreSQL to another: the event store, the
 * tamper-evident audit log with its checkpoints (and the integrity processor's position in the events,
 * so the target's log goes on where the source's stopped), and the command side's own state (the
 * lookups commands decide set-based rules with, and the Idempotency-Key records). Read models are not
 * copied: the target's processors find no position of their own and rebuild every view by replay when
 * the service first starts on it.
 *
 * <p>The source is read in one {@code REPEATABLE READ} read-only transaction, so every table comes from
 * the same moment. The target is migrated by this jar's Flyway migrations first, and the source must be
 * at the same schema version. Events and leaves are copied in batches, each committed on its own, so an
 * interrupted move resumes after the last batch that committed: a second run copies only what is
 * missing, after checking that what the target holds is a prefix of the source. The snapshots, the
 * command-side state and the integrity position are small and copied whole, replacing the target's, in
 * one transaction. Rows travel in PostgreSQL's binary COPY format, byte for byte.
 *
 * <p>At the end the move verifies: every copied table has as many rows on both sides, a digest of the
 * events (identifier, position, payload and metadata hashes, in global-index order) is equal, and where
 * the audit log exists, the Merkle root over the target's leaves equals the source's, and the latest
 * checkpoint's root is the root of the tree at its size.
 */
final class DataMove {

    /** Append-only, copied in batches after what the target already holds: the key column, in its order. */
    private static final String EVENTS = "domainevententry";
    private static final String EVENT_COLUMNS = "globalindex, aggregateidentifier, sequencenumber, type,"
            + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp";
    private static final String LEAVES = "integrity_leaf";
    private static final String LEAF_COLUMNS = "log_index, global_index, event_identifier, aggregate_identifier,"
            + " sequence_number, leaf_hash, appended_at";
    private static final String CHECKPOINTS = "integrity_checkpoint";

    /**
     * Small tables copied whole, replacing the target's. Every table the axon and command migrations
     * create is either here, in the append-only ones above, or in {@link #NOT_COPIED} (a test holds
     * every migration to that). In the order they are filled (a table after the ones it refers to).
     */
    static final List<String> REPLACED = List.of("snapshotevententry", "portfolio_directory", "program_directory",
            "project_directory", "resource_directory", "resource_project", "status_report_directory",
            "idempotency_record", "idempotency_command");
    /** Appended in batches (the event store and the audit log). */
    static final List<String> APPENDED = List.of(EVENTS, LEAVES, CHECKPOINTS);
    /**
     * Deliberately not copied: the processors' positions (the views are rebuilt; only the integrity
     * processor's row is copied, see {@link #copyIntegrityPosition}) and dead letters (they belong to the
     * views the target rebuilds; a poison event is dead-lettered again there, where an operator sees it).
     */
    static final List<String> NOT_COPIED = List.of("tokenentry", "deadletterentry");

    /** What the move reports while it works; the command line prints it, a test may stop the move in it. */
    interface Progress {
        void copied(String table, long done, long total);

        void note(String line);
    }

    /** What was verified at the end: a line per table, and whether everything matched. */
    record Verification(List<String> lines, List<String> mismatches) {
        boolean matches() {
            return mismatches.isEmpty();
        }
    }

    /** The move cannot start or go on: the message says why and what to do. */
    static final class MoveRefused extends RuntimeException {
        MoveRefused(String message) {
            super(message);
        }
    }

    private final DataSource source;
    private final DataSource target;
    private final int batchSize;
    private final Progress progress;

    DataMove(DataSource source, DataSource target, int batchSize, Progress progress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.batchSize = batchSize;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Migrates the target, copies what is missing, and verifies the result. */
    Verification run() throws SQLException, IOException {
        String version = migrateTarget();
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            from.setReadOnly(true);
            from.setAutoCommit(false);
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            to.setAutoCommit(false);
            String sourceVersion = schemaVersion(from);
            if (!version.equals(sourceVersion)) {
                throw new MoveRefused("The source's schema is at version " + sourceVersion + ", this jar's at "
                        + version + ": start this version of the service on the source once (it migrates it),"
                        + " stop it, and move again");
            }
            progress.note("schema version " + version + " on both databases");
            appendBatches(from, to, EVENTS, EVENT_COLUMNS, "globalindex", "eventidentifier");
            appendBatches(from, to, LEAVES, LEAF_COLUMNS, "log_index", "event_identifier");
            appendBatches(from, to, CHECKPOINTS, "*", "id", "checkpoint_hash");
            replaceSmallTables(from, to);
            if (count(from, EVENTS) > 0) {
                execute(to, "SELECT setval(pg_get_serial_sequence('domainevententry', 'globalindex'),"
                        + " (SELECT max(globalindex) FROM domainevententry))");
                to.commit();
            }
            Verification verification = verify(from, to);
            from.commit();
            return verification;
        }
    }

    private String migrateTarget() {
        var result = Flyway.configure().dataSource(target)
                .locations("classpath:db/migration/axon", "classpath:db/migration/command",
                        "classpath:db/migration/query")
                .load();
        result.migrate();
        var current = result.info().current();
        if (current == null) {
            throw new MoveRefused("The target has no schema after migrating it");
        }
        return current.getVersion().getVersion();
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                     + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        } catch (SQLException missing) {
            throw new MoveRefused("The source is not a Portfolio Ledger database (no schema history): "
                    + missing.getMessage());
        }
    }

    /**
     * Copies the rows after the target's last key, a batch per target transaction. What the target holds
     * must be the source's first rows: the same count up to its last key, and the same row there.
     */
    private void appendBatches(Connection from, Connection to, String table, String columns, String key,
                               String identity) throws SQLException, IOException {
        long total = count(from, table);
        Long last = single(to, "SELECT max(" + key + ") FROM " + table);
        long done = 0;
        if (last != null) {
            done = count(to, table);
            long before = single(from, "SELECT count(*) FROM " + table + " WHERE " + key + " <= " + last);
            String theirs = text(from, "SELECT " + identity + "::text FROM " + table + " WHERE " + key + " = " + last);
            String ours = text(to, "SELECT " + identity + "::text FROM " + table + " WHERE " + key + " = " + last);
            if (before != done || !Objects.equals(theirs, ours)) {
                throw new MoveRefused("The target's " + table + " holds rows that are not a copy of the source's"
                        + " first ones (" + done + " rows up to " + key + " " + last + ", the source has " + before
                        + "): move into an empty database");
            }
            progress.note("resuming " + table + " after " + key + " " + last + " (" + done + " rows already there)");
        }
        CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
        long after = last == null ? Long.MIN_VALUE : last;
        progress.copied(table, done, total);
        while (true) {
            Long upTo = single(from, "SELECT max(" + key + ") FROM (SELECT " + key + " FROM " + table + " WHERE "
                    + key + " > " + after + " ORDER BY " + key + " LIMIT " + batchSize + ") batch");
            if (upTo == null) {
                break;
            }
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            String range = " WHERE " + key + " > " + after + " AND " + key + " <= " + upTo;
            out.copyOut("COPY (SELECT " + columns + " FROM " + table + range + " ORDER BY " + key
                    + ") TO STDOUT (FORMAT binary)", rows);
            String targetColumns = "*".equals(columns) ? "" : " (" + columns + ")";
            long copied = in.copyIn("COPY " + table + targetColumns + " FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(rows.toByteArray()));
            to.commit();
            done += copied;
            after = upTo;
            progress.copied(table, done, total);
        }
    }

    /** The snapshots, the command side's state and the integrity position: whole, in one transaction. */
    private void replaceSmallTables(Connection from, Connection to) throws SQLException, IOException {
        CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
        CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
        execute(to, "TRUNCATE " + String.join(", ", REPLACED));
        for (String table : REPLACED) {
            ByteArrayOutputStream rows = new ByteArrayOutputStream();
            out.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", rows);
            long copied = in.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(rows.toByteArray()));
            progress.copied(table, copied, copied);
        }
        copyIntegrityPosition(from, to);
        to.commit();
    }

    /**
     * The integrity processor appends a leaf per event after the last one and is never replayed: on the
     * target it must go on from the source's position, or it would offer the first event again. Its token
     * names positions in the event store, which the move keeps (global indexes are copied as they are).
     * The owner is cleared, so whichever instance starts first claims it.
     */
    private void copyIntegrityPosition(Connection from, Connection to) throws SQLException {
        try (PreparedStatement delete = to.prepareStatement("DELETE FROM tokenentry WHERE processorname = ?")) {
            delete.setString(1, ProcessingGroups.INTEGRITY);
            delete.executeUpdate();
        }
        try (PreparedStatement read = from.prepareStatement("SELECT processorname, segment, token, tokentype,"
                + " timestamp FROM tokenentry WHERE processorname = ?");
             PreparedStatement write = to.prepareStatement("INSERT INTO tokenentry (processorname, segment, token,"
                     + " tokentype, timestamp, owner) VALUES (?, ?, ?, ?, ?, NULL)")) {
            read.setString(1, ProcessingGroups.INTEGRITY);
            int rows = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    write.setString(1, rs.getString(1));
                    write.setInt(2, rs.getInt(2));
                    write.setBytes(3, rs.getBytes(3));
                    write.setString(4, rs.getString(4));
                    write.setString(5, rs.getString(5));
                    write.executeUpdate();
                    rows++;
                }
            }
            if (rows > 0) {
                progress.note("integrity processor position copied (" + rows + " segment(s))");
            }
        }
    }

    private Verification verify(Connection from, Connection to) throws SQLException {
        List<String> lines = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : APPENDED) {
            counts.put(table, null);
        }
        for (String table : REPLACED) {
            counts.put(table, null);
        }
        for (String table : counts.keySet()) {
            long theirs = count(from, table);
            long ours = count(to, table);
            lines.add(table + ": " + ours + " rows" + (theirs == ours ? "" : " (source: " + theirs + ")"));
            if (theirs != ours) {
                mismatches.add(table + " has " + ours + " rows on the target and " + theirs + " on the source");
            }
        }
        String digest = "SELECT md5(coalesce(string_agg(eventidentifier || ':' || globalindex || ':' || md5(payload)"
                + " || ':' || coalesce(md5(metadata), ''), ',' ORDER BY globalindex), ''))"
                + " FROM domainevententry";
        String theirDigest = text(from, digest);
        String ourDigest = text(to, digest);
        lines.add("events digest: " + ourDigest + (theirDigest.equals(ourDigest) ? " (equal)" : " (source: "
                + theirDigest + ")"));
        if (!theirDigest.equals(ourDigest)) {
            mismatches.add("the events differ (digest " + ourDigest + " on the target, " + theirDigest
                    + " on the source)");
        }
        if (count(from, LEAVES) > 0 || count(to, LEAVES) > 0) {
            verifyAuditLog(from, to, lines, mismatches);
        }
        to.commit();
        return new Verification(List.copyOf(lines), List.copyOf(mismatches));
    }

    private static void verifyAuditLog(Connection from, Connection to, List<String> lines, List<String> mismatches)
            throws SQLException {
        HexFormat hex = HexFormat.of();
        MerkleTree theirs = tree(from);
        MerkleTree ours = tree(to);
        String ourRoot = ours.size() == 0 ? "-" : hex.formatHex(ours.root());
        String theirRoot = theirs.size() == 0 ? "-" : hex.formatHex(theirs.root());
        lines.add("audit log: " + ours.size() + " leaves, root " + ourRoot
                + (ourRoot.equals(theirRoot) ? " (equal)" : " (source: " + theirRoot + ")"));
        if (!ourRoot.equals(theirRoot) || ours.size() != theirs.size()) {
            mismatches.add("the audit log's root differs (" + ourRoot + " on the target, " + theirRoot
                    + " on the source)");
        }
        try (Statement statement = to.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, tree_size, root_hash FROM integrity_checkpoint"
                     + " ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                long size = rs.getLong(2);
                byte[] root = rs.getBytes(3);
                boolean covered = size <= ours.size() && (size == 0 || java.security.MessageDigest.isEqual(
                        ours.root((int) size), root));
                lines.add("latest checkpoint " + rs.getLong(1) + ": tree size " + size + ", root "
                        + hex.formatHex(root) + (covered ? " (the target's tree at that size)" : " (MISMATCH)"));
                if (!covered) {
                    mismatches.add("checkpoint " + rs.getLong(1) + " does not sign the target's tree at size " + size);
                }
            }
        }
    }

    private static MerkleTree tree(Connection connection) throws SQLException {
        MerkleTree tree = new MerkleTree();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT log_index, leaf_hash FROM integrity_leaf ORDER BY log_index")) {
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) != tree.size()) {
                        throw new MoveRefused("The audit log has no leaf at log index " + tree.size()
                                + ": run `verify` on the source");
                    }
                    tree.append(rs.getBytes(2));
                }
            }
        }
        return tree;
    }

    private static long count(Connection connection, String table) throws SQLException {
        return single(connection, "SELECT count(*) FROM " + table);
    }

    private static Long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
