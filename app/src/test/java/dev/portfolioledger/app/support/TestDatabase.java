package dev.portfolioledger.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL the tests run against: an embedded one started once per test JVM, or the
 * server named by {@code PORTFOLIO_TEST_DATABASE_URL} (with {@code PORTFOLIO_TEST_DATABASE_USER}
 * and {@code PORTFOLIO_TEST_DATABASE_PASSWORD}). Either way each JVM gets a database of its
 * own, so runs never see each other's events.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static TestDatabase start() {
        String external = System.getenv("PORTFOLIO_TEST_DATABASE_URL");
        String adminUrl;
        String user;
        String pass;
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("PORTFOLIO_TEST_DATABASE_USER", "postgres");
            pass = System.getenv().getOrDefault("PORTFOLIO_TEST_DATABASE_PASSWORD", "");
        } else {
            EmbeddedPostgres postgres = startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            adminUrl = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            pass = "";
        }
        String database = "portfolio_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(adminUrl, user, pass);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + adminUrl, e);
        }
        return new TestDatabase(withDatabase(adminUrl, database), user, pass);
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            Path dataDirectory = Files.createTempDirectory("portfolio-test-pg");
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", e);
        }
    }

    /** Replaces the database name of a jdbc:postgresql URL, keeping its parameters. */
    public static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        if (slash < "jdbc:postgresql://".length()) {
            return base + "/" + database + params;
        }
        return base.substring(0, slash + 1) + database + params;
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the temporary cluster goes with it
        }
    }
}
