package dev.portfolioledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15's phase, the parts the harness does not have already: the packaged app as a second instance (a
 * process of its own on the benchmark's database), and the takeover of its segments when it is killed.
 */
final class InstancesBenchmark {

    private InstancesBenchmark() {
    }

    /** The packaged jar running as its own process, spoken to over HTTP. */
    static final class ExternalInstance implements AutoCloseable {

        private final Process process;
        private final int port;
        private final Path log;

        private ExternalInstance(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        /** Starts the jar on the database with the harness's settings and waits until it is healthy. */
        static ExternalInstance start(Path jar, BenchDatabase database, BenchmarkOptions options, Path log)
                throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + options.user(),
                    "--spring.datasource.password=" + options.password(),
                    "--spring.datasource.hikari.maximum-pool-size=" + options.appPoolSize(),
                    "--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
            command.addAll(options.appArgs());
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ExternalInstance instance = new ExternalInstance(process, port, log);
            instance.awaitHealthy(Duration.ofMinutes(3));
            return instance;
        }

        URI graphQl() {
            return URI.create("http://localhost:" + port + "/graphql");
        }

        long pid() {
            return process.pid();
        }

        /** kill -9: no shutdown hook, its claims stay in the token table until they expire. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        private void awaitHealthy(Duration limit) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the packaged app exited with " + process.exitValue()
                            + "; its log: " + log.toAbsolutePath());
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("the packaged app was not healthy within " + limit + "; log: " + log);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }

    /**
     * Polls the token table from the kill on until every segment of every processor is claimed by the
     * survivor (and none by the killed instance); the milliseconds since the kill.
     */
    static long awaitTakeover(BenchDatabase database, BenchmarkOptions options, long survivorPid, long killedPid,
                              long killedAtNanos, Duration limit) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), options.user(), options.password());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FILTER (WHERE owner IS NULL OR owner NOT LIKE ?), "
                     + "count(*) FILTER (WHERE owner LIKE ?) FROM tokenentry")) {
            statement.setString(1, survivorPid + "@%");
            statement.setString(2, killedPid + "@%");
            while (true) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0 && rs.getLong(2) == 0) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAtNanos);
                    }
                }
                if (System.nanoTime() - killedAtNanos > limit.toNanos()) {
                    return -1;
                }
                Thread.sleep(10);
            }
        }
    }

    /** How many segments the instance with this pid holds. */
    static long segmentsOwnedBy(BenchDatabase database, BenchmarkOptions options, long pid) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), options.user(), options.password());
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM tokenentry WHERE owner LIKE ?")) {
            statement.setString(1, pid + "@%");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
