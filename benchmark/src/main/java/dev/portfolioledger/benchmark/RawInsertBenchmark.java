package dev.portfolioledger.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The physical ceiling: what the same PostgreSQL does with plain JDBC for the one-event
 * transactions that proposeProject produces. Table, constraints and row size match Axon's
 * domainevententry, each insert is its own autocommit transaction, like one command.
 */
final class RawInsertBenchmark {

    /**
     * In a schema of its own: Flyway refuses to migrate a non-empty default schema, and the app
     * starts on this database after the raw phase.
     */
    static final String SCHEMA = "bench_raw";
    static final String TABLE = SCHEMA + ".bench_raw_event";

    /** Shaped like a Jackson-serialized ProjectProposedEvent, padded to about 500 bytes. */
    static final byte[] PAYLOAD = padTo(500, """
            {"projectId":"3f0e8a4c-6b1d-4f6e-9a57-0c2d7b1e9f40",\
            "portfolioId":"a8c1d2e3-4f50-4617-8293-a4b5c6d7e8f9","programId":null,\
            "name":"Bench project 000123","description":"%s","manager":"Benchmark Manager",\
            "sponsor":"Benchmark Sponsor","methodology":"SCRUM","plannedStart":"2027-01-01",\
            "plannedFinish":"2027-06-30"}""");
    /** Shaped like the audit metadata every command carries (actor, correlation, request, ...). */
    static final byte[] METADATA = padTo(260, """
            {"actor":"benchmark","commandName":"ProposeProjectCommand",\
            "correlationId":"6d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",\
            "traceId":"6d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","requestId":"%s"}""");

    private static final String INSERT = "INSERT INTO " + TABLE + " (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
            + "VALUES (?, 0, 'Project', ?, ?, ?, '1', 'dev.portfolioledger.api.project.ProjectProposedEvent', ?)";

    private final BenchDatabase database;

    RawInsertBenchmark(BenchDatabase database) {
        this.database = database;
    }

    /** Same columns and constraints as the Flyway-created domainevententry, own sequence. */
    void createTable() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("""
                    CREATE TABLE %s (
                        globalindex         BIGSERIAL    NOT NULL,
                        aggregateidentifier VARCHAR(255) NOT NULL,
                        sequencenumber      BIGINT       NOT NULL,
                        type                VARCHAR(255),
                        eventidentifier     VARCHAR(255) NOT NULL,
                        metadata            BYTEA,
                        payload             BYTEA        NOT NULL,
                        payloadrevision     VARCHAR(255),
                        payloadtype         VARCHAR(255) NOT NULL,
                        timestamp           VARCHAR(255) NOT NULL,
                        PRIMARY KEY (globalindex),
                        UNIQUE (aggregateidentifier, sequencenumber),
                        UNIQUE (eventidentifier)
                    )""".formatted(TABLE));
        }
    }

    void dropTable() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    LoadResult run(int clients, Duration warmup, Duration measured) throws InterruptedException {
        return LoadRun.run("raw-insert", clients, warmup, measured, index -> new Inserter(database.connect()));
    }

    /** One client: its own connection, autocommit, one row per transaction (fresh aggregate id). */
    private static final class Inserter implements LoadRun.Worker {
        private final Connection connection;
        private final PreparedStatement insert;

        Inserter(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(true);
            this.insert = connection.prepareStatement(INSERT);
            insert.setQueryTimeout(30);
        }

        @Override
        public void execute() throws SQLException {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, METADATA);
            insert.setBytes(4, PAYLOAD);
            insert.setString(5, Instant.now().toString());
            insert.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * Reads the table back in global-index order in pages of 100 rows, as a tracking processor
     * does, all columns fetched; bounded by {@code limit} in time. Returns rows/s (0 if empty).
     */
    PagedRead pagedRead(Duration limit) throws SQLException {
        return pagedRead(database, TABLE, 100, limit);
    }

    /**
     * Reads an event table (domainevententry's columns) in global-index order, {@code pageSize}
     * rows a page, every column fetched, until the end or until {@code limit} has passed.
     */
    static PagedRead pagedRead(BenchDatabase database, String table, int pageSize, Duration limit) throws SQLException {
        long rows = 0;
        long last = -1;
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try (Connection connection = database.connect();
             PreparedStatement page = connection.prepareStatement("SELECT globalindex, aggregateidentifier, "
                     + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, "
                     + "timestamp FROM " + table + " WHERE globalindex > ? ORDER BY globalindex LIMIT " + pageSize)) {
            while (System.nanoTime() < deadline) {
                page.setLong(1, last);
                int inPage = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        rs.getString(2);
                        rs.getLong(3);
                        rs.getString(4);
                        rs.getString(5);
                        rs.getBytes(6);
                        rs.getBytes(7);
                        rs.getString(8);
                        rs.getString(9);
                        rs.getString(10);
                        inPage++;
                    }
                }
                rows += inPage;
                if (inPage < pageSize) {
                    break;
                }
            }
        }
        return new PagedRead(rows, (System.nanoTime() - start) / 1e9);
    }

    record PagedRead(long rows, double seconds) {
        double perSecond() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    private static byte[] padTo(int size, String template) {
        String bare = template.formatted("");
        String filler = "x".repeat(Math.max(0, size - bare.getBytes(StandardCharsets.UTF_8).length));
        return template.formatted(filler).getBytes(StandardCharsets.UTF_8);
    }
}
