package dev.portfolioledger.app.integrity;

import dev.portfolioledger.app.database.EmbeddedPostgresProperties;
import dev.portfolioledger.axon.integrity.CheckpointKeys;
import dev.portfolioledger.axon.integrity.CheckpointSigner;
import dev.portfolioledger.axon.integrity.CheckpointVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;

/**
 * The Ed25519 key pair that signs checkpoints, read once at start-up: from the configured PEM files, or,
 * where {@code portfolio.integrity.generate-key} allows it (the local profile), from the key directory,
 * generating the pair there on first start and logging where. Anywhere else a missing key stops the
 * service with {@link CheckpointKeyMissingException}: a log nobody can sign is no evidence.
 */
@IntegrityEnabled
@Component
public class IntegrityKeys {

    static final String PRIVATE_FILE = "checkpoint-key.pem";
    static final String PUBLIC_FILE = "checkpoint-key.pub.pem";

    private static final Logger log = LoggerFactory.getLogger(IntegrityKeys.class);

    private final PublicKey publicKey;
    private final CheckpointSigner signer;
    private final CheckpointVerifier verifier;

    @Autowired
    public IntegrityKeys(IntegrityProperties properties, EmbeddedPostgresProperties embedded) {
        this(requireMatching(load(properties, embedded)));
    }

    private IntegrityKeys(KeyPair pair) {
        this(pair.getPublic(), new CheckpointSigner(pair.getPrivate()));
    }

    private IntegrityKeys(PublicKey publicKey, CheckpointSigner signer) {
        this.publicKey = publicKey;
        this.signer = signer;
        this.verifier = new CheckpointVerifier(publicKey);
    }

    /**
     * Keys that verify and never sign: the command-line {@code verify}, which reads the database only and
     * needs no private key.
     */
    public static IntegrityKeys verifyingOnly(PublicKey publicKey) {
        return new IntegrityKeys(publicKey, null);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return CheckpointKeys.publicKeyPem(publicKey);
    }

    public CheckpointSigner signer() {
        if (signer == null) {
            throw new IllegalStateException("these keys only verify checkpoints; signing needs the private key");
        }
        return signer;
    }

    public CheckpointVerifier verifier() {
        return verifier;
    }

    private static KeyPair load(IntegrityProperties properties, EmbeddedPostgresProperties embedded) {
        Path privateFile = properties.privateKeyFile();
        Path publicFile = properties.publicKeyFile();
        if (privateFile != null || publicFile != null) {
            if (privateFile == null || publicFile == null) {
                throw new CheckpointKeyMissingException("Only one of portfolio.integrity.private-key-file and"
                        + " portfolio.integrity.public-key-file is set; the checkpoint signer needs both");
            }
            return read(privateFile, publicFile);
        }
        if (!properties.generateKey()) {
            throw new CheckpointKeyMissingException("No key to sign audit checkpoints with:"
                    + " portfolio.integrity.private-key-file and portfolio.integrity.public-key-file are not set");
        }
        Path directory = properties.keyDirectory() != null ? properties.keyDirectory()
                : embedded.dataDirectory().toAbsolutePath().resolveSibling("integrity");
        Path generatedPrivate = directory.resolve(PRIVATE_FILE);
        Path generatedPublic = directory.resolve(PUBLIC_FILE);
        boolean privateExists = Files.exists(generatedPrivate);
        if (privateExists != Files.exists(generatedPublic)) {
            throw new CheckpointKeyMissingException("The key directory " + directory + " holds only one of "
                    + PRIVATE_FILE + " and " + PUBLIC_FILE + "; restore the other or remove both");
        }
        if (privateExists) {
            log.info("Audit checkpoints are signed with the key pair in {}", directory);
            return read(generatedPrivate, generatedPublic);
        }
        return generate(directory, generatedPrivate, generatedPublic);
    }

    private static KeyPair read(Path privateFile, Path publicFile) {
        try {
            return new KeyPair(CheckpointKeys.loadPublicKey(publicFile), CheckpointKeys.loadPrivateKey(privateFile));
        } catch (RuntimeException unreadable) {
            throw new CheckpointKeyMissingException("Cannot read the checkpoint key pair " + privateFile + " / "
                    + publicFile + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static KeyPair generate(Path directory, Path privateFile, Path publicFile) {
        KeyPair pair = CheckpointKeys.generate();
        try {
            Files.createDirectories(directory);
            byte[] privatePem = CheckpointKeys.privateKeyPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII);
            Files.write(privateFile, privatePem, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(publicFile, CheckpointKeys.publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CheckpointKeyMissingException("Cannot write a new checkpoint key pair to " + directory, e);
        }
        log.warn("Generated a new Ed25519 key pair for audit checkpoints: private key {}, public key {}."
                + " Keep the private key safe and publish the public key: checkpoints are evidence only with it",
                privateFile, publicFile);
        return pair;
    }

    /** A private key of another pair would sign checkpoints that the served public key rejects. */
    private static KeyPair requireMatching(KeyPair pair) {
        byte[] probe = ("portfolio-ledger key check " + Instant.now()).getBytes(StandardCharsets.US_ASCII);
        try {
            Signature sign = Signature.getInstance("Ed25519");
            sign.initSign(pair.getPrivate());
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance("Ed25519");
            verify.initVerify(pair.getPublic());
            verify.update(probe);
            if (!verify.verify(signature)) {
                throw new CheckpointKeyMissingException("The checkpoint private and public keys are not one pair");
            }
        } catch (java.security.GeneralSecurityException notEd25519) {
            throw new CheckpointKeyMissingException("The checkpoint keys are not Ed25519 keys", notEd25519);
        }
        return pair;
    }
}
