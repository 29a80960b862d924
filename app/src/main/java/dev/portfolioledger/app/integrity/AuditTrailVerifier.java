package dev.portfolioledger.app.integrity;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.integrity.Checkpoint;
import dev.portfolioledger.axon.integrity.ConsistencyProofs;
import dev.portfolioledger.axon.integrity.IntegrityFinding;
import dev.portfolioledger.axon.integrity.IntegrityFinding.Kind;
import dev.portfolioledger.axon.integrity.IntegrityStatus;
import dev.portfolioledger.axon.integrity.LeafEncoding;
import dev.portfolioledger.axon.integrity.MerkleTree;
import dev.portfolioledger.axon.integrity.StoredEvent;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Verifies the audit trail against the event table (docs/audit-integrity.md, Verification): on demand
 * ({@code verifyAuditTrail}) and every {@code portfolio.integrity.verify-interval} in the background.
 *
 * <p>One REPEATABLE READ snapshot holds everything read: the integrity processor's token, the recorded
 * leaves, the event table and the checkpoints, so a verification never mistakes an append in flight for
 * tampering. The event table is streamed once, joined on the global index with the leaves through a
 * server-side cursor, and hashed as it goes with {@link LeafEncoding}:
 * <ul>
 * <li>an event whose recomputed leaf differs from the leaf recorded for its global index:
 *     {@code LEAF_MISMATCH} (edited payload, metadata, type, anything);</li>
 * <li>a leaf whose event row is gone: {@code MISSING_LEAF};</li>
 * <li>an event row the log has passed (the processor's token covers its global index) without a leaf:
 *     {@code UNEXPECTED_LEAF}, located by its global index;</li>
 * <li>an event found at another global index than the one its leaf records, unchanged otherwise:
 *     {@code ORDER_CHANGED} at its leaf's log index (two rows swapped give two);</li>
 * <li>an aggregate whose sequence numbers are not 0, 1, 2, ...: {@code SEQUENCE_GAP} (complete
 *     verifications only);</li>
 * <li>the checkpoint chain ({@link dev.portfolioledger.axon.integrity.CheckpointVerifier}): signatures,
 *     links, consistency proofs between consecutive checkpoints over the recorded leaves, the latest
 *     checkpoint's root over the recorded leaves ({@code ROOT_MISMATCH}), and that the newest checkpoint
 *     this instance knows of (signed here, or found in the checkpoint directory) is still in the table
 *     ({@code TRUNCATED_CHECKPOINTS}).</li>
 * </ul>
 * A complete verification decides health ({@code integrity}) and which aggregates' commands are refused
 * ({@link IntegrityStatus}); a failed one is logged at ERROR as an alert.
 */
@IntegrityEnabled
@Component
public class AuditTrailVerifier implements IntegrityStatus {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailVerifier.class);
    /** Rows kept for a second look (moved events) at most; beyond, a mismatch is reported as it is. */
    private static final int MAX_SUSPECTS = 10_000;
    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Serializer serializer;
    private final IntegrityKeys keys;
    private final AuditCheckpoints checkpoints;

    private volatile AuditVerification lastComplete;
    private volatile Map<String, String> violations = Map.of();

    public AuditTrailVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                              @Qualifier("serializer") Serializer serializer, IntegrityKeys keys,
                              AuditCheckpoints checkpoints) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.serializer = serializer;
        this.keys = keys;
        this.checkpoints = checkpoints;
    }

    @Scheduled(initialDelayString = "${portfolio.integrity.verify-initial-delay:PT1M}",
               fixedDelayString = "${portfolio.integrity.verify-interval:PT10M}")
    void scheduled() {
        try {
            verify(null, null);
        } catch (RuntimeException failed) {
            log.error("The background verification of the audit trail could not run", failed);
        }
    }

    /** The latest complete verification; null before the first. */
    public AuditVerification lastComplete() {
        return lastComplete;
    }

    @Override
    public boolean allStreamsIntact() {
        return violations.isEmpty();
    }

    @Override
    public Optional<String> violation(String aggregateIdentifier) {
        return Optional.ofNullable(violations.get(aggregateIdentifier));
    }

    /**
     * Verifies log indexes {@code [from, to)}; both null verifies everything (a complete verification).
     *
     * @throws RuleViolation VALIDATION_FAILED for a negative or empty range
     */
    public AuditVerification verify(Integer from, Integer to) {
        if ((from != null && from < 0) || (to != null && to < 0) || (from != null && to != null && to <= from)) {
            throw new RuleViolation(ErrorCode.VALIDATION_FAILED,
                    "from and to are log indexes, 0 or more, with from before to (to is exclusive)");
        }
        boolean complete = from == null && to == null;
        AuditVerification result = snapshot.execute(status -> new Run(from == null ? 0 : from,
                to == null ? Long.MAX_VALUE : to, complete).run());
        if (complete) {
            publish(result);
        }
        return result;
    }

    private void publish(AuditVerification result) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (AuditFinding finding : result.findings()) {
            if (finding.aggregateIdentifier() != null) {
                refused.putIfAbsent(finding.aggregateIdentifier(), "The stored history of " + finding.aggregateIdentifier()
                        + " failed the audit trail's verification (" + finding.kind() + "); no change is recorded on"
                        + " top of it until the history is restored");
            }
        }
        violations = Map.copyOf(refused);
        lastComplete = result;
        if (result.intact()) {
            log.info("Audit trail verified: {} leaves, {} events ({} not yet in the log), {} checkpoints, intact;"
                    + " {} events/s", result.leaves(), result.events(), result.pending(), result.checkpoints(),
                    Math.round(result.eventsPerSecond()));
        } else {
            log.error("ALERT audit integrity: verification found {} problem(s) in the audit trail; commands against"
                    + " {} aggregate(s) are refused", result.findings().size(), refused.size());
            result.findings().stream().limit(100).forEach(finding -> log.error("ALERT audit integrity: {} at {}: {}",
                    finding.kind(), finding.location(), finding.message()));
        }
    }

    /** One verification, inside its snapshot. */
    private final class Run {

        final long from;
        final long to;
        final boolean complete;
        final List<AuditFinding> findings = new ArrayList<>();
        final Map<String, long[]> streams = new HashMap<>();
        final List<Suspect> suspects = new ArrayList<>();
        final Set<Long> reportedLogIndexes = new HashSet<>();
        long leaves;
        long events;
        long pending;

        Run(long from, long to, boolean complete) {
            this.from = from;
            this.to = to;
            this.complete = complete;
        }

        AuditVerification run() {
            Instant started = Instant.now();
            long startedNanos = System.nanoTime();
            LongPredicate delivered = delivered();
            MerkleTree recorded = recordedTree();
            long logEnd = Math.min(to, recorded.size());
            compareEvents(delivered, logEnd);
            resolveSuspects();
            if (complete) {
                sequenceGaps();
            }
            long chain = verifyCheckpoints(recorded);
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            findings.sort(Comparator.comparing(AuditFinding::kind).thenComparingLong(AuditFinding::location));
            return new AuditVerification(started, Instant.now(), complete, from, logEnd, leaves, events, pending,
                    chain, seconds > 0 ? events / seconds : 0, List.copyOf(findings));
        }

        /** Whether the integrity processor has delivered (so appended) the event at a global index. */
        private LongPredicate delivered() {
            List<TrackingToken> tokens = jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?"
                    + " AND token IS NOT NULL", (rs, row) -> serializer.deserialize(
                    new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                    ProcessingGroups.INTEGRITY);
            if (tokens.size() != 1) {
                return globalIndex -> false;
            }
            TrackingToken token = WrappedToken.unwrapLowerBound(tokens.get(0));
            if (token instanceof GapAwareTrackingToken gapAware) {
                Set<Long> gaps = gapAware.getGaps();
                long index = gapAware.getIndex();
                return globalIndex -> globalIndex <= index && !gaps.contains(globalIndex);
            }
            long position = token == null ? -1 : token.position().orElse(-1);
            return globalIndex -> globalIndex <= position;
        }

        /** The recorded leaves in log order; a hole in the leaf table is a missing leaf of its own. */
        private MerkleTree recordedTree() {
            MerkleTree tree = new MerkleTree();
            jdbc.query("SELECT log_index, leaf_hash FROM integrity_leaf ORDER BY log_index", rs -> {
                long index = rs.getLong(1);
                while (tree.size() < index) {
                    long lost = tree.size();
                    findings.add(new AuditFinding(Kind.MISSING_LEAF, lost, "the log has no leaf row at log index "
                            + lost + ": the leaf table itself was cut", lost, null, null, null, null, null));
                    tree.append(new byte[MerkleTree.HASH_LENGTH]);
                }
                tree.append(rs.getBytes(2));
            });
            return tree;
        }

        private void compareEvents(LongPredicate delivered, long logEnd) {
            String columns = "l.log_index, l.global_index, l.event_identifier, l.aggregate_identifier,"
                    + " l.sequence_number, l.leaf_hash, e.globalindex, e.type, e.aggregateidentifier,"
                    + " e.sequencenumber, e.eventidentifier, e.timestamp, e.payloadtype, e.payloadrevision,"
                    + " e.metadata, e.payload";
            String join = "SELECT " + columns + " FROM integrity_leaf l FULL OUTER JOIN domainevententry e"
                    + " ON e.globalindex = l.global_index";
            // both sides are read in global-index order through their unique indexes and merged as they
            // stream: no hash table of the whole leaf table (which spills to disk at 200,000 leaves)
            jdbc.execute("SET LOCAL enable_hashjoin = off");
            String sql = join;
            List<Object> arguments = new ArrayList<>();
            if (!complete) {
                Map<String, Object> bounds = jdbc.queryForMap("SELECT min(global_index) lo, max(global_index) hi"
                        + " FROM integrity_leaf WHERE log_index >= ? AND log_index < ?", from, logEnd);
                if (bounds.get("lo") == null) {
                    return;
                }
                sql += " WHERE (l.log_index >= ? AND l.log_index < ?)"
                        + " OR (l.log_index IS NULL AND e.globalindex BETWEEN ? AND ?)";
                arguments.addAll(List.of(from, logEnd, bounds.get("lo"), bounds.get("hi")));
            }
            String query = sql;
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(query);
                // binary transfer: bytea arrives as its bytes, not as hex text twice its size to decode
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < arguments.size(); i++) {
                    statement.setObject(i + 1, arguments.get(i));
                }
                return statement;
            }, rs -> {
                row(rs, delivered);
            });
        }

        private void row(ResultSet rs, LongPredicate delivered) throws SQLException {
            Leaf leaf = rs.getObject(1) == null ? null : new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5), rs.getBytes(6));
            StoredEvent event = rs.getObject(7) == null ? null : StoredEvents.read(rs, 7);
            if (leaf != null) {
                leaves++;
            }
            if (event != null) {
                events++;
                long[] stream = streams.computeIfAbsent(event.aggregateIdentifier(),
                        id -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                stream[0]++;
                stream[1] = Math.min(stream[1], event.sequenceNumber());
                stream[2] = Math.max(stream[2], event.sequenceNumber());
            }
            if (leaf != null && event == null) {
                missing(leaf, "the event table has no event at global index " + leaf.globalIndex());
            } else if (leaf != null && leaf.eventIdentifier().equals(event.eventIdentifier())) {
                if (!MessageDigest.isEqual(leaf.leafHash(), LeafEncoding.leafHash(event))) {
                    reportedLogIndexes.add(leaf.logIndex());
                    findings.add(leafFinding(Kind.LEAF_MISMATCH, leaf, event, "event " + event.eventIdentifier()
                            + " (" + event.aggregateIdentifier() + " #" + event.sequenceNumber() + ", global index "
                            + event.globalIndex() + ") no longer hashes to the leaf recorded at log index "
                            + leaf.logIndex() + ": its stored bytes were changed"));
                }
            } else if (leaf != null || delivered.test(event.globalIndex())) {
                if (suspects.size() < MAX_SUSPECTS) {
                    suspects.add(new Suspect(event, leaf));
                } else if (leaf != null) {
                    findings.add(leafFinding(Kind.LEAF_MISMATCH, leaf, event, "another event ("
                            + event.eventIdentifier() + ") is at the global index of the leaf at log index "
                            + leaf.logIndex()));
                } else {
                    unexpected(event);
                }
            } else {
                pending++;
            }
        }

        /** Rows that are not where their leaf says: moved (swapped), replaced, or inserted. */
        private void resolveSuspects() {
            if (suspects.isEmpty()) {
                return;
            }
            Map<String, Leaf> leavesOfEvents = new HashMap<>();
            Set<String> expected = new HashSet<>();
            for (Suspect suspect : suspects) {
                if (suspect.leafHere() != null) {
                    expected.add(suspect.leafHere().eventIdentifier());
                }
            }
            List<String> ids = new ArrayList<>(expected);
            suspects.forEach(s -> ids.add(s.event().eventIdentifier()));
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT log_index, global_index, event_identifier,"
                        + " aggregate_identifier, sequence_number, leaf_hash FROM integrity_leaf"
                        + " WHERE event_identifier = ANY(?)");
                Array array = connection.createArrayOf("varchar", ids.toArray());
                statement.setArray(1, array);
                return statement;
            }, rs -> {
                Leaf leaf = new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBytes(6));
                leavesOfEvents.put(leaf.eventIdentifier(), leaf);
            });
            Set<String> present = new HashSet<>(jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "SELECT eventidentifier FROM domainevententry WHERE eventidentifier = ANY(?)");
                statement.setArray(1, connection.createArrayOf("varchar", expected.toArray()));
                return statement;
            }, (rs, row) -> rs.getString(1)));
            for (Suspect suspect : suspects) {
                StoredEvent event = suspect.event();
                Leaf own = leavesOfEvents.get(event.eventIdentifier());
                if (own != null) {
                    StoredEvent whereRecorded = at(event, own.globalIndex());
                    boolean unchanged = MessageDigest.isEqual(own.leafHash(), LeafEncoding.leafHash(whereRecorded));
                    reportedLogIndexes.add(own.logIndex());
                    findings.add(leafFinding(unchanged ? Kind.ORDER_CHANGED : Kind.LEAF_MISMATCH, own, event,
                            "event " + event.eventIdentifier() + " (" + event.aggregateIdentifier() + " #"
                                    + event.sequenceNumber() + "), recorded at log index " + own.logIndex()
                                    + " with global index " + own.globalIndex() + ", is found at global index "
                                    + event.globalIndex() + (unchanged ? "" : ", and its stored bytes were changed")));
                } else if (suspect.leafHere() != null) {
                    Leaf here = suspect.leafHere();
                    reportedLogIndexes.add(here.logIndex());
                    findings.add(leafFinding(Kind.LEAF_MISMATCH, here, event, "the leaf at log index "
                            + here.logIndex() + " records event " + here.eventIdentifier() + " at global index "
                            + here.globalIndex() + ", where the event table now holds event "
                            + event.eventIdentifier() + ", which the log never recorded"));
                } else {
                    unexpected(event);
                }
            }
            for (Suspect suspect : suspects) {
                Leaf here = suspect.leafHere();
                if (here != null && !present.contains(here.eventIdentifier())
                        && !reportedLogIndexes.contains(here.logIndex())) {
                    missing(here, "event " + here.eventIdentifier() + " is no longer in the event table");
                }
            }
        }

        private void missing(Leaf leaf, String why) {
            reportedLogIndexes.add(leaf.logIndex());
            findings.add(new AuditFinding(Kind.MISSING_LEAF, leaf.logIndex(), "the leaf at log index "
                    + leaf.logIndex() + " vouches for event " + leaf.eventIdentifier() + " ("
                    + leaf.aggregateIdentifier() + " #" + leaf.sequenceNumber() + "), and " + why, leaf.logIndex(),
                    leaf.globalIndex(), leaf.eventIdentifier(), leaf.aggregateIdentifier(), leaf.sequenceNumber(),
                    null));
        }

        private void unexpected(StoredEvent event) {
            findings.add(new AuditFinding(Kind.UNEXPECTED_LEAF, event.globalIndex(), "event "
                    + event.eventIdentifier() + " (" + event.aggregateIdentifier() + " #" + event.sequenceNumber()
                    + ") at global index " + event.globalIndex() + " was never appended to the log, which has passed"
                    + " that index: it was inserted behind the service's back", null, event.globalIndex(),
                    event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(), null));
        }

        /** Aggregates whose sequence numbers are not 0 to n - 1; each hole is located exactly. */
        private void sequenceGaps() {
            for (Map.Entry<String, long[]> entry : streams.entrySet()) {
                long[] stream = entry.getValue();
                if (stream[1] == 0 && stream[2] == stream[0] - 1) {
                    continue;
                }
                String aggregate = entry.getKey();
                long expected = 0;
                for (Map<String, Object> row : jdbc.queryForList("SELECT e.sequencenumber, e.globalindex, l.log_index"
                        + " FROM domainevententry e LEFT JOIN integrity_leaf l ON l.global_index = e.globalindex"
                        + " WHERE e.aggregateidentifier = ? ORDER BY e.sequencenumber", aggregate)) {
                    long sequence = ((Number) row.get("sequencenumber")).longValue();
                    if (sequence > expected) {
                        Long logIndex = row.get("log_index") == null ? null : ((Number) row.get("log_index")).longValue();
                        long globalIndex = ((Number) row.get("globalindex")).longValue();
                        findings.add(new AuditFinding(Kind.SEQUENCE_GAP, logIndex == null ? -1 : logIndex,
                                "the stream of " + aggregate + " skips sequence number"
                                        + (sequence - expected == 1 ? " " + expected
                                        : "s " + expected + " to " + (sequence - 1)) + ": the next event stored is #"
                                        + sequence + " at global index " + globalIndex,
                                logIndex, globalIndex, null, aggregate, expected, null));
                    }
                    expected = sequence + 1;
                }
            }
        }

        private long verifyCheckpoints(MerkleTree recorded) {
            List<StoredCheckpoint> chain = checkpoints.all();
            Optional<StoredCheckpoint> latestKnown = latestKnown();
            List<Checkpoint> signed = chain.stream().map(StoredCheckpoint::checkpoint).toList();
            ConsistencyProofs proofs = ConsistencyProofs.of(recorded);
            List<IntegrityFinding> chainFindings;
            Optional<StoredCheckpoint> sameNumber = latestKnown.flatMap(known -> chain.stream()
                    .filter(c -> c.number() == known.number()).findFirst());
            if (latestKnown.isPresent() && sameNumber.isEmpty()) {
                chainFindings = keys.verifier().verifyChain(signed, proofs, latestKnown.get().checkpoint().hash());
            } else {
                chainFindings = keys.verifier().verifyChain(signed, proofs);
                if (sameNumber.isPresent() && !Arrays.equals(sameNumber.get().checkpoint().hash(),
                        latestKnown.get().checkpoint().hash())
                        && keys.verifier().hasValidSignature(sameNumber.get().checkpoint())) {
                    long size = sameNumber.get().checkpoint().treeSize();
                    chainFindings = new ArrayList<>(chainFindings);
                    chainFindings.add(new IntegrityFinding(Kind.BROKEN_CHAIN, size, "checkpoint "
                            + sameNumber.get().number() + " in the table differs from the one signed earlier"
                            + " (kept by this instance or in the checkpoint directory)"));
                }
            }
            chainFindings.forEach(finding -> findings.add(AuditFinding.ofCheckpoint(finding)));
            if (!chain.isEmpty()) {
                StoredCheckpoint last = chain.get(chain.size() - 1);
                long size = last.checkpoint().treeSize();
                if (size > recorded.size()) {
                    findings.add(new AuditFinding(Kind.ROOT_MISMATCH, size, "checkpoint " + last.number()
                            + " signed a log of " + size + " leaves; the log holds " + recorded.size(),
                            null, null, null, null, null, size));
                } else if (!MessageDigest.isEqual(recorded.root((int) size), last.checkpoint().rootHash())) {
                    findings.add(new AuditFinding(Kind.ROOT_MISMATCH, size, "the recorded leaves no longer hash to"
                            + " the root that checkpoint " + last.number() + " signed at tree size " + size
                            + ": the leaf table was rewritten", null, null, null, null, null, size));
                }
                if (chainFindings.isEmpty()) {
                    checkpoints.remember(last);
                }
            }
            return chain.size();
        }

        /** The newest checkpoint known outside the table: signed by this instance, or in the directory. */
        private Optional<StoredCheckpoint> latestKnown() {
            Optional<StoredCheckpoint> known = checkpoints.latestKnown();
            for (AuditCheckpoints.CheckpointFile file : checkpoints.files()) {
                if (file.checkpoint().isEmpty()) {
                    findings.add(new AuditFinding(Kind.BAD_SIGNATURE, -1, "the checkpoint file " + file.path()
                            .getFileName() + " is not a readable checkpoint", null, null, null, null, null, null));
                    continue;
                }
                Checkpoint checkpoint = file.checkpoint().get();
                if (!keys.verifier().hasValidSignature(checkpoint)) {
                    findings.add(new AuditFinding(Kind.BAD_SIGNATURE, checkpoint.treeSize(), "the signature of the"
                            + " checkpoint file " + file.path().getFileName() + " does not verify", null, null, null,
                            null, null, checkpoint.treeSize()));
                    continue;
                }
                if (known.isEmpty() || file.number() > known.get().number()) {
                    known = Optional.of(new StoredCheckpoint(file.number(), checkpoint));
                }
            }
            return known;
        }

        private AuditFinding leafFinding(Kind kind, Leaf leaf, StoredEvent event, String message) {
            return new AuditFinding(kind, leaf.logIndex(), message, leaf.logIndex(), leaf.globalIndex(),
                    leaf.eventIdentifier(), leaf.aggregateIdentifier(), leaf.sequenceNumber(), null);
        }
    }

    private static StoredEvent at(StoredEvent event, long globalIndex) {
        return new StoredEvent(globalIndex, event.aggregateType(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.eventIdentifier(), event.timestamp(), event.payloadType(),
                event.payloadRevision(), event.metaData(), event.payload());
    }

    private record Leaf(long logIndex, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                        long sequenceNumber, byte[] leafHash) {
    }

    private record Suspect(StoredEvent event, Leaf leafHere) {
    }
}
