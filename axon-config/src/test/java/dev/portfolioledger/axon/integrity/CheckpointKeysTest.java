package dev.portfolioledger.axon.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckpointKeysTest {

    /** Test 1 of RFC 8032 §7.1 (secret key 9d61b1...7f60), as openssl writes it. */
    static final String RFC8032_PRIVATE_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
            -----END PRIVATE KEY-----
            """;
    /** Its public key d75a98...511a. */
    static final String RFC8032_PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
            -----END PUBLIC KEY-----
            """;

    @Test
    void readsTheRfc8032KeyAndSignsItsVector() throws Exception {
        PrivateKey privateKey = CheckpointKeys.readPrivateKey(RFC8032_PRIVATE_PEM);
        PublicKey publicKey = CheckpointKeys.readPublicKey(RFC8032_PUBLIC_PEM);

        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(privateKey);
        assertThat(HexFormat.of().formatHex(ed25519.sign())).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                        + "d25bf5f0595bbe24655141438e7a100b");
        assertThat(HexFormat.of().formatHex(publicKey.getEncoded()))
                .endsWith("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void writesThePemThatOpensslWrites() {
        assertThat(CheckpointKeys.privateKeyPem(CheckpointKeys.readPrivateKey(RFC8032_PRIVATE_PEM)))
                .isEqualTo(RFC8032_PRIVATE_PEM);
        assertThat(CheckpointKeys.publicKeyPem(CheckpointKeys.readPublicKey(RFC8032_PUBLIC_PEM)))
                .isEqualTo(RFC8032_PUBLIC_PEM);
    }

    @Test
    void generatedKeysSurviveTheirPemFiles(@TempDir Path directory) throws Exception {
        KeyPair pair = CheckpointKeys.generate();
        Path privateFile = Files.writeString(directory.resolve("checkpoint.key"), CheckpointKeys.privateKeyPem(pair.getPrivate()));
        Path publicFile = Files.writeString(directory.resolve("checkpoint.pub"), CheckpointKeys.publicKeyPem(pair.getPublic()));

        assertThat(CheckpointKeys.loadPrivateKey(privateFile).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(CheckpointKeys.loadPublicKey(publicFile).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(Files.readAllLines(publicFile)).first().isEqualTo("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readAllLines(privateFile)).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void readsTheBareBase64OfTheDer() {
        PublicKey publicKey = CheckpointKeys.readPublicKey(RFC8032_PUBLIC_PEM);
        PrivateKey privateKey = CheckpointKeys.readPrivateKey(RFC8032_PRIVATE_PEM);

        assertThat(CheckpointKeys.publicKeyBase64(publicKey))
                .isEqualTo("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        assertThat(CheckpointKeys.readPublicKey(CheckpointKeys.publicKeyBase64(publicKey))).isEqualTo(publicKey);
        assertThat(CheckpointKeys.readPrivateKey(CheckpointKeys.privateKeyBase64(privateKey)).getEncoded())
                .isEqualTo(privateKey.getEncoded());
    }

    @Test
    void refusesAPrivateKeyWhereAPublicOneBelongs() {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointKeys.readPublicKey(RFC8032_PRIVATE_PEM))
                .withMessageContaining("BEGIN PUBLIC KEY");
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String ecPublic = Base64.getEncoder().encodeToString(ec.getPublic().getEncoded());

        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointKeys.readPublicKey(ecPublic))
                .withMessage("not an Ed25519 public key");
        assertThatIllegalArgumentException().isThrownBy(() -> new CheckpointSigner(ec.getPrivate()));
    }

    @Test
    void refusesWhatIsNotBase64() {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckpointKeys.readPublicKey("not*base64!"))
                .withMessageContaining("not base64");
    }
}
