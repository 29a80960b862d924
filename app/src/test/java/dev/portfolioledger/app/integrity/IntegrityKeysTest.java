package dev.portfolioledger.app.integrity;

import dev.portfolioledger.app.database.EmbeddedPostgresProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the checkpoint key comes from: configured files, a pair generated once (local profile), or nowhere (refused). */
class IntegrityKeysTest {

    @TempDir
    Path directory;

    @Test
    void withoutKeyFilesOutsideTheLocalProfileStartUpIsRefused() {
        assertThatThrownBy(() -> new IntegrityKeys(properties(null, null, false), embedded()))
                .isInstanceOf(CheckpointKeyMissingException.class)
                .hasMessageContaining("portfolio.integrity.private-key-file");
    }

    @Test
    void localProfileGeneratesAPairOnFirstStartAndKeepsIt() {
        IntegrityKeys first = new IntegrityKeys(properties(null, null, true), embedded());
        Path keys = directory.resolve("integrity");
        assertThat(keys.resolve(IntegrityKeys.PRIVATE_FILE)).exists();
        assertThat(keys.resolve(IntegrityKeys.PUBLIC_FILE)).exists();
        IntegrityKeys second = new IntegrityKeys(properties(null, null, true), embedded());
        assertThat(second.publicKeyPem()).isEqualTo(first.publicKeyPem());
    }

    @Test
    void configuredFilesAreUsedAndMustBeOnePair() throws Exception {
        new IntegrityKeys(properties(null, null, true), embedded());
        Path keys = directory.resolve("integrity");
        Path privateFile = keys.resolve(IntegrityKeys.PRIVATE_FILE);
        Path publicFile = keys.resolve(IntegrityKeys.PUBLIC_FILE);
        IntegrityKeys configured = new IntegrityKeys(properties(privateFile, publicFile, false), embedded());
        assertThat(configured.publicKeyPem()).isEqualTo(Files.readString(publicFile));

        Path otherPublic = directory.resolve("other.pub.pem");
        Files.writeString(otherPublic, dev.portfolioledger.axon.integrity.CheckpointKeys.publicKeyPem(
                dev.portfolioledger.axon.integrity.CheckpointKeys.generate().getPublic()));
        assertThatThrownBy(() -> new IntegrityKeys(properties(privateFile, otherPublic, false), embedded()))
                .isInstanceOf(CheckpointKeyMissingException.class).hasMessageContaining("not one pair");
        assertThatThrownBy(() -> new IntegrityKeys(properties(privateFile, null, false), embedded()))
                .isInstanceOf(CheckpointKeyMissingException.class).hasMessageContaining("Only one");
    }

    private IntegrityProperties properties(Path privateFile, Path publicFile, boolean generate) {
        return new IntegrityProperties(null, null, null, privateFile, publicFile, generate, null, null);
    }

    private EmbeddedPostgresProperties embedded() {
        return new EmbeddedPostgresProperties(directory.resolve("pgdata"), 0, true);
    }
}
