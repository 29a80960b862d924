package dev.portfolioledger.axon.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys for checkpoints, from the JDK alone. The public key travels as its X.509
 * SubjectPublicKeyInfo DER, the private key as its PKCS#8 DER, each in base64 inside a PEM file:
 * <pre>
 * -----BEGIN PUBLIC KEY-----          -----BEGIN PRIVATE KEY-----
 * (base64 of the X.509 DER,           (base64 of the PKCS#8 DER,
 *  64 characters a line)               64 characters a line)
 * -----END PUBLIC KEY-----            -----END PRIVATE KEY-----
 * </pre>
 * the same files {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write.
 * Readers take either the PEM text or the bare base64.
 */
public final class CheckpointKeys {

    static final String ALGORITHM = "Ed25519";

    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";

    private CheckpointKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 15+ runtime has Ed25519", e);
        }
    }

    /** The X.509 DER of the public key, in base64. */
    public static String publicKeyBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The PKCS#8 DER of the private key, in base64. */
    public static String privateKeyBase64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    /** An Ed25519 public key from a "PUBLIC KEY" PEM or the bare base64 of its X.509 DER. */
    public static PublicKey readPublicKey(String pemOrBase64) {
        byte[] der = der(PUBLIC_LABEL, pemOrBase64);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** An Ed25519 private key from a "PRIVATE KEY" PEM or the bare base64 of its PKCS#8 DER. */
    public static PrivateKey readPrivateKey(String pemOrBase64) {
        byte[] der = der(PRIVATE_LABEL, pemOrBase64);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    public static PublicKey loadPublicKey(Path pemFile) {
        return readPublicKey(read(pemFile));
    }

    public static PrivateKey loadPrivateKey(Path pemFile) {
        return readPrivateKey(read(pemFile));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String label, String pemOrBase64) {
        String text = pemOrBase64.strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (text.startsWith("-----")) {
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from != 0 || to < 0) {
                throw new IllegalArgumentException("expected a PEM block \"" + begin + "\"");
            }
            text = text.substring(begin.length(), to);
        }
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label.toLowerCase() + " is not base64", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }
}
