package dev.portfolioledger.app.database;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Another running instance owns the embedded PostgreSQL's data directory; this one must not
 * start a server on it (nor stop that instance's server).
 */
public class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path dataDirectory;
    private final transient Path lockFile;

    public DataDirectoryInUseException(Path dataDirectory, Path lockFile, OptionalLong ownerPid) {
        super("The data directory " + dataDirectory + " is in use by another running Portfolio Ledger"
                + ownerPid.stream().mapToObj(pid -> " (pid " + pid + ")").findFirst().orElse("")
                + "; it holds the lock " + lockFile + ". Nothing was started and nothing was changed.");
        this.dataDirectory = dataDirectory;
        this.lockFile = lockFile;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path lockFile() {
        return lockFile;
    }
}
