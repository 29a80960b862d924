package dev.portfolioledger.app.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL of a packaged app, seen from outside: its data directory and the port
 * the test told the app to use, so the test can check the server (and reach it after the app
 * is gone) without going through the app.
 */
record EmbeddedServer(Path dataDirectory, int port) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** The running server process, as its postmaster.pid names it. */
    Optional<ProcessHandle> process() throws IOException {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    /** Cleanup after a failed test: a crashed app's server would otherwise outlive the test run. */
    void stopIfRunning() throws Exception {
        Optional<ProcessHandle> server = process();
        if (server.isPresent()) {
            server.get().destroy();
            server.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    Path pidFile() {
        return dataDirectory.resolve("postmaster.pid");
    }

    /** The argument that puts the app's server on this port. */
    String portArgument() {
        return "--portfolio.embedded-postgres.port=" + port;
    }
}
