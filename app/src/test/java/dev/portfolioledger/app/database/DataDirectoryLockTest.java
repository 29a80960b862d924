package dev.portfolioledger.app.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another process holding the lock is covered end to end by DataDirectoryOwnershipIT. */
class DataDirectoryLockTest {

    @TempDir
    Path parent;

    @Test
    void cannotTakeADataDirectoryThatIsAlreadyOwned() throws Exception {
        Path data = Files.createDirectory(parent.resolve("pgdata"));
        try (DataDirectoryLock owner = DataDirectoryLock.acquire(data)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(data))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("The data directory " + data + " is in use by another running Portfolio Ledger (pid "
                                          + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(owner.lockFile().toString());
        }
    }

    @Test
    void keepsTheLockNextToTheDataDirectorySoThatInitdbFindsItEmpty() throws Exception {
        Path data = Files.createDirectory(parent.resolve("pgdata"));
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(data)) {
            assertThat(lock.lockFile()).isEqualTo(parent.resolve("pgdata.lock"));
            assertThat(Files.readString(lock.lockFile()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            try (var entries = Files.list(data)) {
                assertThat(entries).isEmpty();
            }
        }
    }

    @Test
    void canTakeTheDataDirectoryAgainOnceTheOwnerLetsGo() throws Exception {
        Path data = Files.createDirectory(parent.resolve("pgdata"));
        DataDirectoryLock.acquire(data).close();
        try (DataDirectoryLock again = DataDirectoryLock.acquire(data)) {
            assertThat(again.lockFile()).exists();
        }
    }
}
