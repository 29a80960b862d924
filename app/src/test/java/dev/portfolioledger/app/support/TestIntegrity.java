package dev.portfolioledger.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The audit log's settings for every application context a test JVM starts: one key pair (generated in
 * a temporary directory on first use) and one checkpoint directory, shared by all contexts on the shared
 * test database, so that they sign one chain; no background checkpoints or verifications, which would
 * run in the middle of tests that alter rows on purpose. Tests sign and verify on demand.
 */
public final class TestIntegrity {

    private static Path root;

    private TestIntegrity() {
    }

    public static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("portfolio-integrity-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static Path keyDirectory() {
        return root().resolve("keys");
    }

    public static Path checkpointDirectory() {
        return root().resolve("checkpoints");
    }

    /** The settings as command-line arguments, for a second instance. */
    public static List<String> arguments() {
        return List.of("--portfolio.integrity.key-directory=" + keyDirectory(),
                "--portfolio.integrity.checkpoint-directory=" + checkpointDirectory(),
                "--portfolio.integrity.generate-key=true",
                "--portfolio.integrity.checkpoint-interval=PT1H",
                "--portfolio.integrity.verify-interval=PT1H",
                "--portfolio.integrity.verify-initial-delay=PT1H");
    }
}
