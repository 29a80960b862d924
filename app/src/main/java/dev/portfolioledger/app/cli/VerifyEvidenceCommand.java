package dev.portfolioledger.app.cli;

import dev.portfolioledger.axon.integrity.CheckpointKeys;
import dev.portfolioledger.axon.integrity.EvidenceBundleVerifier;
import dev.portfolioledger.axon.integrity.EvidenceBundleVerifier.Verification;
import dev.portfolioledger.axon.integrity.EvidenceFinding;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar portfolio-ledger-exec.jar verify-evidence <bundle.json> [--public-key <pem file>]}: checks
 * an evidence bundle with the integrity core alone ({@link EvidenceBundleVerifier}: JDK and Jackson, no
 * database, no Spring), prints one line per finding and a summary, and answers
 * {@link CommandLine#INTACT}, {@link CommandLine#FINDINGS} or {@link CommandLine#USAGE}.
 */
public final class VerifyEvidenceCommand {

    public static final String NAME = "verify-evidence";
    static final String USAGE = "usage: java -jar portfolio-ledger-exec.jar " + NAME
            + " <bundle.json> [--public-key <public key PEM file>]";

    private VerifyEvidenceCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path bundle = null;
        Path keyFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--public-key") && i + 1 < args.size()) {
                keyFile = Path.of(args.get(++i));
            } else if (arg.startsWith("--public-key=")) {
                keyFile = Path.of(arg.substring("--public-key=".length()));
            } else if (!arg.startsWith("--") && bundle == null) {
                bundle = Path.of(arg);
            } else {
                err.println(USAGE);
                return CommandLine.USAGE;
            }
        }
        if (bundle == null) {
            err.println(USAGE);
            return CommandLine.USAGE;
        }
        Optional<PublicKey> key;
        try {
            key = keyFile == null ? Optional.empty() : Optional.of(CheckpointKeys.loadPublicKey(keyFile));
        } catch (RuntimeException unreadable) {
            err.println("Cannot read the public key " + keyFile + ": " + unreadable.getMessage());
            return CommandLine.USAGE;
        }
        Verification verification;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(bundle))) {
            verification = EvidenceBundleVerifier.verify(in, key);
        } catch (IOException unreadable) {
            err.println("Cannot read the evidence bundle " + bundle + ": " + unreadable.getMessage());
            return CommandLine.USAGE;
        }
        report(verification, out);
        return verification.intact() ? CommandLine.INTACT : CommandLine.FINDINGS;
    }

    private static void report(Verification verification, PrintStream out) {
        if (verification.keyFromBundle()) {
            out.println("WARNING: the public key was taken from the bundle itself, which proves only that the bundle"
                    + " is consistent in itself; compare it with the key the ledger publishes (GET /audit/public-key,"
                    + " or a copy kept elsewhere) and pass it with --public-key");
        } else if (verification.bundleKeyDiffers()) {
            out.println("WARNING: the bundle carries another public key than the one given; the given key was used");
        }
        for (EvidenceFinding finding : verification.findings()) {
            out.println(finding);
        }
        HexFormat hex = HexFormat.of();
        var checkpoint = verification.checkpoint();
        out.println("Evidence bundle of " + verification.subject().type() + " " + verification.subject().id()
                + " (" + verification.subject().aggregates().size() + " aggregates), period "
                + bound(verification.period().from()) + " to " + bound(verification.period().to()) + ": "
                + verification.events() + " events, checkpoint " + verification.checkpointNumber() + " (tree size "
                + checkpoint.treeSize() + ", root " + hex.formatHex(checkpoint.rootHash()) + ", issued "
                + checkpoint.issuedAt() + ", hash " + hex.formatHex(checkpoint.hash()) + "): "
                + (verification.intact() ? "all verified" : verification.findings().size() + " finding(s)"));
    }

    private static String bound(Object instant) {
        return instant == null ? "(open)" : instant.toString();
    }
}
