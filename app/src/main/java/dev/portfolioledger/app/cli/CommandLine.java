package dev.portfolioledger.app.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;

/**
 * The jar's commands besides serving, dispatched in {@code main} before Spring starts:
 * {@code verify-evidence <bundle.json> [--public-key <pem>]} (no database, no Spring) and
 * {@code verify [--url ... --user ... --password ...]} (the database, read only) and
 * {@code move-data --from-... --to-url ...} (copies the record to another PostgreSQL, {@link MoveDataCommand}).
 * Exit codes: {@link #INTACT}, {@link #FINDINGS}, {@link #USAGE}.
 */
public final class CommandLine {

    /** Everything verified. */
    public static final int INTACT = 0;
    /** At least one finding. */
    public static final int FINDINGS = 1;
    /** Bad usage, or a file, key or database that cannot be read. */
    public static final int USAGE = 2;

    private CommandLine() {
    }

    /** Runs the command named by the first argument; empty when there is none, and the service should start. */
    public static OptionalInt run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return OptionalInt.empty();
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case VerifyEvidenceCommand.NAME -> {
                quietLogging();
                yield OptionalInt.of(VerifyEvidenceCommand.run(rest, out, err));
            }
            case VerifyCommand.NAME -> {
                quietLogging();
                yield OptionalInt.of(VerifyCommand.run(rest, System.getenv(), out, err));
            }
            case MoveDataCommand.NAME -> {
                quietLogging();
                yield OptionalInt.of(MoveDataCommand.run(rest, out, err));
            }
            default -> OptionalInt.empty();
        };
    }

    /**
     * Without Spring Boot's logging set-up, logback would print every library's debug lines, and the
     * verifier's own alerts would repeat the findings; a command prints what it found itself, once.
     */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.OFF);
        }
    }
}
