package dev.portfolioledger.app.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Exclusive ownership of an embedded PostgreSQL data directory, held for the app's lifetime:
 * an OS file lock on {@code <data directory>.lock}, next to the directory.
 *
 * <p>The lock lives next to the directory, not in it, because initdb wants an empty directory.
 * The operating system drops the lock when the process dies, however it dies (kill -9
 * included), so a free lock proves that no live app owns the directory. The PostgreSQL child
 * never holds it: POSIX record locks (what {@link FileChannel#tryLock()} takes on Linux) are not
 * inherited across fork, and the JDK closes the descriptor in children it starts. The file itself
 * is never deleted: a process that opened it just before the delete would lock a file nobody
 * else can see, and two owners would each hold "the" lock.
 */
public final class DataDirectoryLock implements AutoCloseable {

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the data directory (an existing directory, given by its real path).
     *
     * @throws DataDirectoryInUseException when another live process (or this one) holds it
     */
    public static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                                               StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            channel.close();
            throw new DataDirectoryInUseException(dataDirectory, lockFile, OptionalLong.of(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            // read through this channel only: the owner's lock is untouched by what we do here
            OptionalLong owner = readOwner(channel);
            channel.close();
            throw new DataDirectoryInUseException(dataDirectory, lockFile, owner);
        }
        // the owner's pid, for the refusal message of a second instance
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new DataDirectoryLock(lockFile, channel, lock);
    }

    public Path lockFile() {
        return lockFile;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static OptionalLong readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException unreadable) {
            // the refusal stands without the pid
            return OptionalLong.empty();
        }
    }
}
