package dev.portfolioledger.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portfolioledger.axon.integrity.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Signs checkpoints of the audit log: every {@code portfolio.integrity.checkpoint-interval} when the log
 * has grown since the last one, and on demand. A checkpoint is stored in {@code integrity_checkpoint}
 * and, when {@code portfolio.integrity.checkpoint-directory} is set, also written there as one JSON file
 * per checkpoint ({@code checkpoint-000000000042.json}, never overwritten) once its row has committed.
 *
 * <p>Instances sharing a database take a transaction-scoped advisory lock while they sign, so the
 * chain never forks: each checkpoint names the hash of the one committed before it.
 */
@IntegrityEnabled
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final HexFormat HEX = HexFormat.of();
    /** Key of the advisory lock held while a checkpoint is signed ("pl-ckpt" as an integer). */
    private static final long SIGNING_LOCK = 0x706c2d636b7074L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final IntegrityLog auditLog;
    private final IntegrityKeys keys;
    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();
    /** The newest checkpoint this instance signed or saw: the table must never lose it. */
    private final AtomicReference<StoredCheckpoint> latestKnown = new AtomicReference<>();

    public AuditCheckpoints(JdbcTemplate jdbc, TransactionTemplate transactions, IntegrityLog auditLog,
                            IntegrityKeys keys, IntegrityProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.keys = keys;
        this.directory = properties.checkpointDirectory();
    }

    @Scheduled(initialDelayString = "${portfolio.integrity.checkpoint-interval:PT1M}",
               fixedDelayString = "${portfolio.integrity.checkpoint-interval:PT1M}")
    void scheduled() {
        try {
            sign(false).ifPresent(signed -> log.info("Audit checkpoint {} signed: {} leaves, root {}",
                    signed.number(), signed.checkpoint().treeSize(), HEX.formatHex(signed.checkpoint().rootHash())));
        } catch (RuntimeException failed) {
            log.error("Could not sign an audit checkpoint", failed);
        }
    }

    /** Signs a checkpoint of the log as it stands now, whether or not it grew since the last one. */
    public StoredCheckpoint signNow() {
        return sign(true).orElseThrow();
    }

    private Optional<StoredCheckpoint> sign(boolean evenIfUnchanged) {
        return transactions.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, SIGNING_LOCK);
            Optional<StoredCheckpoint> previous = latest();
            int size = auditLog.refresh();
            if (!evenIfUnchanged && previous.isPresent() && previous.get().checkpoint().treeSize() == size) {
                return Optional.empty();
            }
            byte[] root = auditLog.root(size);
            // milliseconds: what the DateTime scalar and the checkpoint file show, so the signed bytes can be rebuilt from either
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Checkpoint checkpoint = previous.map(p -> keys.signer().next(p.checkpoint(), size, root, now))
                    .orElseGet(() -> keys.signer().first(size, root, now));
            StoredCheckpoint signed = new StoredCheckpoint(previous.map(p -> p.number() + 1).orElse(1L), checkpoint);
            jdbc.update("INSERT INTO integrity_checkpoint (id, tree_size, root_hash, issued_at,"
                            + " previous_checkpoint_hash, signature, checkpoint_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    signed.number(), checkpoint.treeSize(), checkpoint.rootHash(), now.atOffset(ZoneOffset.UTC),
                    checkpoint.previousCheckpointHash(), checkpoint.signature(), checkpoint.hash());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(signed);
                    writeFile(signed);
                }
            });
            return Optional.of(signed);
        });
    }

    /** The newest checkpoint in the table. */
    public Optional<StoredCheckpoint> latest() {
        return jdbc.query(SELECT + " ORDER BY id DESC LIMIT 1", AuditCheckpoints::row).stream().findFirst();
    }

    /** Every checkpoint in the table, oldest first. */
    public List<StoredCheckpoint> all() {
        return jdbc.query(SELECT + " ORDER BY id", AuditCheckpoints::row);
    }

    /** The newest checkpoint this instance signed or saw in the table, if any. */
    public Optional<StoredCheckpoint> latestKnown() {
        return Optional.ofNullable(latestKnown.get());
    }

    /** Keeps the newer of what is known and {@code seen}. */
    void remember(StoredCheckpoint seen) {
        latestKnown.accumulateAndGet(seen, (known, candidate) ->
                known == null || candidate.number() > known.number() ? candidate : known);
    }

    /** The checkpoints written to the checkpoint directory, oldest first; empty without one. */
    public List<CheckpointFile> files() {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<CheckpointFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+\\.json"))
                    .sorted().toList()) {
                files.add(readFile(path));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the checkpoint directory " + directory, e);
        }
        return files;
    }

    /** One file of the checkpoint directory; {@code checkpoint} is empty when the file is not a checkpoint. */
    public record CheckpointFile(Path path, long number, Optional<Checkpoint> checkpoint) {
    }

    private static final String SELECT = "SELECT id, tree_size, root_hash, issued_at, previous_checkpoint_hash,"
            + " signature FROM integrity_checkpoint";

    private static StoredCheckpoint row(ResultSet rs, int row) throws SQLException {
        return new StoredCheckpoint(rs.getLong(1), new Checkpoint(rs.getLong(2), rs.getBytes(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBytes(5), rs.getBytes(6)));
    }

    private void writeFile(StoredCheckpoint signed) {
        if (directory == null) {
            return;
        }
        Checkpoint checkpoint = signed.checkpoint();
        ObjectNode file = json.createObjectNode()
                .put("number", signed.number())
                .put("treeSize", checkpoint.treeSize())
                .put("rootHash", HEX.formatHex(checkpoint.rootHash()))
                .put("issuedAt", checkpoint.issuedAt().toString())
                .put("previousCheckpointHash", HEX.formatHex(checkpoint.previousCheckpointHash()))
                .put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()))
                .put("checkpointHash", HEX.formatHex(checkpoint.hash()));
        Path path = directory.resolve(String.format("checkpoint-%012d.json", signed.number()));
        try {
            Files.createDirectories(directory);
            Files.write(path, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(file),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException exists) {
            log.error("ALERT audit integrity: checkpoint file {} exists already and is left as it is; checkpoint"
                    + " {} was not written", path, signed.number());
        } catch (IOException e) {
            log.error("Could not write checkpoint file {}", path, e);
        }
    }

    private CheckpointFile readFile(Path path) throws IOException {
        String name = path.getFileName().toString();
        long number = Long.parseLong(name.substring("checkpoint-".length(), name.length() - ".json".length()));
        try {
            JsonNode file = json.readTree(Files.readString(path, StandardCharsets.UTF_8));
            return new CheckpointFile(path, number, Optional.of(new Checkpoint(file.get("treeSize").asLong(),
                    HEX.parseHex(file.get("rootHash").asText()), Instant.parse(file.get("issuedAt").asText()),
                    HEX.parseHex(file.get("previousCheckpointHash").asText()),
                    Base64.getDecoder().decode(file.get("signature").asText()))));
        } catch (RuntimeException | IOException unreadable) {
            return new CheckpointFile(path, number, Optional.empty());
        }
    }
}
