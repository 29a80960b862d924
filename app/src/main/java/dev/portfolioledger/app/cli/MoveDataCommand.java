package dev.portfolioledger.app.cli;

import dev.portfolioledger.app.database.DataDirectoryInUseException;
import dev.portfolioledger.app.database.DataDirectoryLock;
import dev.portfolioledger.app.database.OrphanedServerRecovery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar portfolio-ledger-exec.jar move-data (--from-url <jdbc url> [--from-user ..] [--from-password ..]
 * | --from-embedded <data directory>) --to-url <jdbc url> [--to-user ..] [--to-password ..] [--batch-size n]}:
 * moves a deployment's record to another PostgreSQL ({@link DataMove}), from the embedded pilot's data
 * directory (started here, on its own, while the lock shows no service uses it) or from a server. Prints
 * progress, then what it verified; exit codes as {@link CommandLine} ({@link CommandLine#FINDINGS} when the
 * verification found a difference). An interrupted move resumes when run again with the same arguments.
 */
public final class MoveDataCommand {

    public static final String NAME = "move-data";
    static final String USAGE = "usage: java -jar portfolio-ledger-exec.jar " + NAME
            + " (--from-url <jdbc url> [--from-user <user>] [--from-password <password>]"
            + " | --from-embedded <data directory, e.g. ~/.portfolio-ledger/pgdata>)"
            + " --to-url <jdbc url> [--to-user <user>] [--to-password <password>] [--batch-size <events per batch>]";
    private static final Set<String> OPTIONS = Set.of("--from-url", "--from-user", "--from-password",
            "--from-embedded", "--to-url", "--to-user", "--to-password", "--batch-size");
    private static final int DEFAULT_BATCH_SIZE = 5000;

    private MoveDataCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            if (!OPTIONS.contains(option) || (equals < 0 && i + 1 >= args.size())) {
                err.println(USAGE);
                return CommandLine.USAGE;
            }
            options.put(option, equals < 0 ? args.get(++i) : arg.substring(equals + 1));
        }
        if (!options.containsKey("--to-url")
                || options.containsKey("--from-url") == options.containsKey("--from-embedded")) {
            err.println("Name the target (--to-url) and one source (--from-url or --from-embedded)");
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        int batchSize;
        try {
            batchSize = Integer.parseInt(options.getOrDefault("--batch-size", String.valueOf(DEFAULT_BATCH_SIZE)));
            if (batchSize < 1 || batchSize > 100_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException bad) {
            err.println("--batch-size takes a whole number from 1 to 100000");
            return CommandLine.USAGE;
        }
        DataSource target = server(options.get("--to-url"), options.get("--to-user"), options.get("--to-password"));
        if (options.containsKey("--from-url")) {
            return move(server(options.get("--from-url"), options.get("--from-user"), options.get("--from-password")),
                    options.get("--from-url"), target, options.get("--to-url"), batchSize, out, err);
        }
        Path dataDirectory = Path.of(options.get("--from-embedded").replaceFirst("^~(?=/|$)",
                System.getProperty("user.home"))).toAbsolutePath();
        if (!Files.isDirectory(dataDirectory.resolve("base"))) {
            err.println("No embedded PostgreSQL data in " + dataDirectory + " (it holds no base/ directory)");
            return CommandLine.USAGE;
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory.toRealPath())) {
            OrphanedServerRecovery.recover(dataDirectory.toRealPath());
            try (EmbeddedPostgres pilot = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.toRealPath())
                    .setCleanDataDirectory(false).setPort(freePort()).setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true).start()) {
                return move(pilot.getPostgresDatabase(), "the embedded database in " + dataDirectory, target,
                        options.get("--to-url"), batchSize, out, err);
            }
        } catch (DataDirectoryInUseException inUse) {
            err.println("The embedded database in " + dataDirectory + " is in use (" + inUse.getMessage()
                    + "): stop the service first, then move");
            return CommandLine.USAGE;
        } catch (IOException unstartable) {
            err.println("Cannot start the embedded database in " + dataDirectory + ": " + unstartable.getMessage());
            return CommandLine.USAGE;
        }
    }

    private static int move(DataSource source, String from, DataSource target, String to, int batchSize,
                            PrintStream out, PrintStream err) {
        out.println("Moving the record from " + from + " to " + to);
        long started = System.nanoTime();
        DataMove.Verification verification;
        try {
            verification = new DataMove(source, target, batchSize, new Printed(out, started)).run();
        } catch (DataMove.MoveRefused refused) {
            err.println("Move refused: " + refused.getMessage());
            return CommandLine.USAGE;
        } catch (SQLException | IOException | RuntimeException failed) {
            err.println("Move interrupted: " + rootMessage(failed) + ". What was copied is kept: run the same"
                    + " command again to go on");
            return CommandLine.USAGE;
        }
        verification.lines().forEach(line -> out.println("verified " + line));
        verification.mismatches().forEach(line -> out.println("MISMATCH " + line));
        if (!verification.matches()) {
            out.println("The target differs from the source: do not start the service on it; was the source in"
                    + " use during the move? Stop it and run the command again");
            return CommandLine.FINDINGS;
        }
        out.printf("Moved and verified in %.1f s. Start the service on the target: its views rebuild from the"
                + " events by replay (readiness is DOWN until they caught up); keep the integrity keys the"
                + " source used (README, Tamper-evident audit).%n", (System.nanoTime() - started) / 1e9);
        return CommandLine.INTACT;
    }

    /** Progress on the console: a line per table, and one per batch at most every two seconds. */
    private static final class Printed implements DataMove.Progress {
        private final PrintStream out;
        private final long started;
        private long lastLine;

        Printed(PrintStream out, long started) {
            this.out = out;
            this.started = started;
        }

        @Override
        public void copied(String table, long done, long total) {
            long now = System.nanoTime();
            if (done == total || now - lastLine > 2_000_000_000L) {
                lastLine = now;
                out.printf("%s: %,d of %,d rows (%.0f%%) after %.1f s%n", table, done, total,
                        total == 0 ? 100.0 : 100.0 * done / total, (now - started) / 1e9);
            }
        }

        @Override
        public void note(String line) {
            out.println(line);
        }
    }

    private static DataSource server(String url, String user, String password) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(url);
        if (user != null) {
            database.setUser(user);
        }
        if (password != null) {
            database.setPassword(password);
        }
        return database;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
