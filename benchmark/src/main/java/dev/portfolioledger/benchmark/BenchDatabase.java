package dev.portfolioledger.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The database every phase runs against. By default a fresh one is created on the local server,
 * so the raw baseline and the app see the same server, the same settings and an empty event
 * table; it is dropped at the end unless --keep.
 */
final class BenchDatabase implements AutoCloseable {

    private final BenchmarkOptions options;
    private final String jdbcUrl;
    private final String createdName; // null when the caller supplied --jdbc-url

    private BenchDatabase(BenchmarkOptions options, String jdbcUrl, String createdName) {
        this.options = options;
        this.jdbcUrl = jdbcUrl;
        this.createdName = createdName;
    }

    static BenchDatabase open(BenchmarkOptions options) throws SQLException {
        if (options.jdbcUrl() != null) {
            return new BenchDatabase(options, options.jdbcUrl(), null);
        }
        String name = "pl_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection admin = DriverManager.getConnection(options.adminJdbcUrl(), options.user(), options.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(options, replaceDatabase(options.adminJdbcUrl(), name), name);
    }

    /** jdbc:postgresql://host:port/db?params with db replaced. */
    static String replaceDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + params;
        }
        return base.substring(0, slash + 1) + database + params;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String description() {
        return createdName == null ? jdbcUrl + " (given)" : jdbcUrl + " (fresh, " + (options.keep() ? "kept" : "dropped at the end") + ")";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, options.user(), options.password());
    }

    String scalar(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Drops the fresh database (FORCE: a connection left by a killed phase must not block it). */
    @Override
    public void close() {
        if (createdName == null || options.keep()) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(options.adminJdbcUrl(), options.user(), options.password());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + createdName + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + createdName + ": " + e.getMessage());
        }
    }
}
