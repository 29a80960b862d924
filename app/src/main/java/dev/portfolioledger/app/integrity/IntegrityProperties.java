package dev.portfolioledger.app.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the tamper-evident audit log (README, Tamper-evident audit).
 *
 * @param checkpointInterval  how often a checkpoint is signed when the log has grown since the last one
 * @param verifyInterval      how often the whole trail is verified in the background
 * @param verifyInitialDelay  how long after start-up the first background verification runs
 * @param privateKeyFile      the Ed25519 private key (PKCS#8 PEM) that signs checkpoints
 * @param publicKeyFile       its public key (X.509 SubjectPublicKeyInfo PEM), served at /audit/public-key
 * @param generateKey         when no key files are configured: generate a key pair in
 *                            {@code keyDirectory} on first start (the local profile) instead of
 *                            refusing to start (every other profile)
 * @param keyDirectory        where a generated key pair lives; by default {@code integrity} next to the
 *                            embedded PostgreSQL's data directory ({@code ~/.portfolio-ledger/integrity})
 * @param checkpointDirectory when set, every checkpoint is also written there as one JSON file, never
 *                            overwritten, for operators to ship to write-once storage; verification
 *                            reads them back to notice a checkpoint table cut short
 */
@ConfigurationProperties("portfolio.integrity")
public record IntegrityProperties(Duration checkpointInterval, Duration verifyInterval, Duration verifyInitialDelay,
                                  Path privateKeyFile, Path publicKeyFile, Boolean generateKey, Path keyDirectory,
                                  Path checkpointDirectory) {

    public IntegrityProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
        verifyInterval = verifyInterval == null ? Duration.ofMinutes(10) : verifyInterval;
        verifyInitialDelay = verifyInitialDelay == null ? Duration.ofMinutes(1) : verifyInitialDelay;
        generateKey = generateKey != null && generateKey;
        // an environment variable left empty (${PORTFOLIO_INTEGRITY_PRIVATE_KEY_FILE:}) means "not set"
        privateKeyFile = unlessEmpty(privateKeyFile);
        publicKeyFile = unlessEmpty(publicKeyFile);
        keyDirectory = unlessEmpty(keyDirectory);
        checkpointDirectory = unlessEmpty(checkpointDirectory);
    }

    private static Path unlessEmpty(Path path) {
        return path == null || path.toString().isBlank() ? null : path;
    }
}
