package dev.portfolioledger.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Clears what a crashed app left in its data directory, before a new server starts on it.
 * Only ever called while holding the {@link DataDirectoryLock}: no live app owns the directory,
 * so a server still running on it is an orphan.
 *
 * <p>PostgreSQL's own check is its {@code postmaster.pid}: it refuses to start while the pid in
 * that file names a live process, and replaces the file when that process is gone. So there are
 * three cases. The pid is dead: nothing to do. The pid is a postgres serving this directory (its
 * working directory is the data directory, where the postmaster changes to): the orphan of a
 * crashed app (kill -9 leaves the child running), shut down cleanly. The pid is alive but some
 * other process (the number was reused after the crash or a reboot): the file is stale and is
 * removed, or PostgreSQL would refuse to start; that process is left alone.
 */
public final class OrphanedServerRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServerRecovery.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private OrphanedServerRecovery() {
    }

    public static void recover(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        OptionalLong pid = postmasterPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        if (servesDataDirectory(process.get(), dataDirectory)) {
            stop(process.get(), dataDirectory);
        } else {
            log.warn("{} names pid {}, which is not a PostgreSQL server of this data directory (the pid was "
                     + "reused after a crash); removing the stale file", pidFile, pid.getAsLong());
            Files.deleteIfExists(pidFile);
        }
    }

    private static OptionalLong postmasterPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            // PostgreSQL reports a malformed file itself, with its own words
            return OptionalLong.empty();
        }
    }

    private static boolean servesDataDirectory(ProcessHandle process, Path dataDirectory) {
        boolean isPostgres = process.info().command()
                .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!isPostgres) {
            return false;
        }
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .equals(dataDirectory.toRealPath());
        } catch (IOException | UnsupportedOperationException notReadable) {
            // a process we may not inspect runs as another user, and PostgreSQL only serves a
            // data directory owned by the user it runs as: not ours
            return false;
        }
    }

    private static void stop(ProcessHandle server, Path dataDirectory) {
        log.warn("Embedded PostgreSQL (pid {}) of an app that is no longer running still holds {}; shutting it down",
                 server.pid(), dataDirectory);
        // SIGTERM: PostgreSQL's smart shutdown, a checkpoint and a clean stop; the dead app's
        // sessions went with its sockets
        server.destroy();
        try {
            server.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL (pid " + server.pid() + ")", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the PostgreSQL server left running by an earlier run "
                    + "(pid " + server.pid() + ") within " + STOP_TIMEOUT_SECONDS + " s; stop it and start again", e);
        }
    }
}
