package dev.portfolioledger.app.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real orphaned server being stopped is covered end to end by CrashUnderLoadIT. */
class OrphanedServerRecoveryTest {

    @TempDir
    Path data;

    @Test
    void removesAPidFileWhosePidNowBelongsToAnotherProcessAndLeavesThatProcessAlone() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "30").start();
        try {
            Path pidFile = Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");

            OrphanedServerRecovery.recover(data);

            assertThat(pidFile).doesNotExist();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void leavesThePidFileOfADeadServerToPostgreSql() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path pidFile = Files.writeString(data.resolve("postmaster.pid"), gone.pid() + "\n" + data + "\n");

        OrphanedServerRecovery.recover(data);

        assertThat(pidFile).exists();
    }
}
