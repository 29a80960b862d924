package dev.portfolioledger.app.cli;

import dev.portfolioledger.app.integrity.AuditCheckpoints;
import dev.portfolioledger.app.integrity.AuditFinding;
import dev.portfolioledger.app.integrity.AuditTrailVerifier;
import dev.portfolioledger.app.integrity.AuditVerification;
import dev.portfolioledger.app.integrity.IntegrityKeys;
import dev.portfolioledger.app.integrity.IntegrityLog;
import dev.portfolioledger.app.integrity.IntegrityProperties;
import dev.portfolioledger.axon.integrity.CheckpointKeys;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar portfolio-ledger-exec.jar verify [--url <jdbc url>] [--user <user>] [--password <password>]
 * [--public-key <pem file>] [--checkpoint-directory <dir>]}: the complete verification of the audit trail
 * that {@code verifyAuditTrail} runs, from the command line, against a database and without starting the
 * service. It builds {@link AuditTrailVerifier} by hand over one read-only JDBC data source (every session
 * {@code READ ONLY}), with keys that can verify and never sign, so nothing is written: no leaf, no
 * checkpoint, no token. Defaults come from the service's environment: {@code SPRING_DATASOURCE_URL},
 * {@code _USERNAME}, {@code _PASSWORD}, {@code PORTFOLIO_INTEGRITY_PUBLIC_KEY_FILE},
 * {@code PORTFOLIO_INTEGRITY_CHECKPOINT_DIRECTORY}. Prints one line per finding and a summary; exit codes as
 * {@link CommandLine}.
 */
public final class VerifyCommand {

    public static final String NAME = "verify";
    static final String USAGE = "usage: java -jar portfolio-ledger-exec.jar " + NAME + " [--url <jdbc url>]"
            + " [--user <user>] [--password <password>] [--public-key <public key PEM file>]"
            + " [--checkpoint-directory <dir>]  (defaults: SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME,"
            + " SPRING_DATASOURCE_PASSWORD, PORTFOLIO_INTEGRITY_PUBLIC_KEY_FILE,"
            + " PORTFOLIO_INTEGRITY_CHECKPOINT_DIRECTORY)";
    private static final Map<String, String> ENVIRONMENT = Map.of("--url", "SPRING_DATASOURCE_URL",
            "--user", "SPRING_DATASOURCE_USERNAME", "--password", "SPRING_DATASOURCE_PASSWORD",
            "--public-key", "PORTFOLIO_INTEGRITY_PUBLIC_KEY_FILE",
            "--checkpoint-directory", "PORTFOLIO_INTEGRITY_CHECKPOINT_DIRECTORY");

    private VerifyCommand() {
    }

    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        ENVIRONMENT.forEach((option, variable) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                options.put(option, value);
            }
        });
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            if (!ENVIRONMENT.containsKey(option) || (equals < 0 && i + 1 >= args.size())) {
                err.println(USAGE);
                return CommandLine.USAGE;
            }
            options.put(option, equals < 0 ? args.get(++i) : arg.substring(equals + 1));
        }
        if (!options.containsKey("--url") || !options.containsKey("--public-key")) {
            err.println("Name the database (--url or SPRING_DATASOURCE_URL) and the public key checkpoints verify"
                    + " with (--public-key or PORTFOLIO_INTEGRITY_PUBLIC_KEY_FILE)");
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        PublicKey key;
        try {
            key = CheckpointKeys.loadPublicKey(Path.of(options.get("--public-key")));
        } catch (RuntimeException unreadable) {
            err.println("Cannot read the public key " + options.get("--public-key") + ": " + unreadable.getMessage());
            return CommandLine.USAGE;
        }
        AuditVerification verification;
        try {
            verification = verifier(options, key).verify(null, null);
        } catch (DataAccessException | TransactionException | IllegalStateException unreachable) {
            err.println("Cannot verify the audit trail in " + options.get("--url") + ": "
                    + rootMessage(unreachable));
            return CommandLine.USAGE;
        }
        report(verification, out);
        return verification.intact() ? CommandLine.INTACT : CommandLine.FINDINGS;
    }

    private static AuditTrailVerifier verifier(Map<String, String> options, PublicKey key) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(options.get("--url"));
        if (options.containsKey("--user")) {
            database.setUser(options.get("--user"));
        }
        if (options.containsKey("--password")) {
            database.setPassword(options.get("--password"));
        }
        database.setReadOnly(true);
        database.setReadOnlyMode("always");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        IntegrityKeys keys = IntegrityKeys.verifyingOnly(key);
        String directory = options.get("--checkpoint-directory");
        IntegrityProperties properties = new IntegrityProperties(null, null, null, null, null, false, null,
                directory == null ? null : Path.of(directory));
        AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc, new TransactionTemplate(transactions),
                new IntegrityLog(jdbc), keys, properties);
        return new AuditTrailVerifier(jdbc, transactions, JacksonSerializer.defaultSerializer(), keys, checkpoints);
    }

    private static void report(AuditVerification verification, PrintStream out) {
        for (AuditFinding finding : verification.findings()) {
            out.println(finding.kind() + " at " + finding.location() + ": " + finding.message()
                    + coordinates(finding));
        }
        out.println("Audit trail: " + verification.leaves() + " leaves, " + verification.events() + " events ("
                + verification.pending() + " not yet in the log), " + verification.checkpoints() + " checkpoints, "
                + Math.round(verification.eventsPerSecond()) + " events/s: "
                + (verification.intact() ? "intact" : verification.findings().size() + " finding(s)"));
    }

    private static String coordinates(AuditFinding finding) {
        StringBuilder where = new StringBuilder();
        append(where, "log index", finding.logIndex());
        append(where, "global index", finding.globalIndex());
        append(where, "event", finding.eventIdentifier());
        append(where, "aggregate", finding.aggregateIdentifier());
        append(where, "sequence", finding.sequenceNumber());
        append(where, "tree size", finding.treeSize());
        return where.isEmpty() ? "" : " [" + where + "]";
    }

    private static void append(StringBuilder where, String name, Object value) {
        if (value != null) {
            where.append(where.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
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
