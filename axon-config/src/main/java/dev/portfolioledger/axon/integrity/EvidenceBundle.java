package dev.portfolioledger.axon.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The evidence bundle of a project or portfolio (docs/audit-integrity.md, Evidence bundle): one JSON
 * document with the subject's events of a period as stored, each with its log index, the leaf hash the
 * log recorded and its inclusion proof against one signed checkpoint, that checkpoint and the public key.
 * {@link EvidenceBundleWriter} writes it, {@link EvidenceBundleVerifier} checks it; the field names live
 * here so that both spell them the same way.
 */
public final class EvidenceBundle {

    /** The value of {@link #FORMAT}: what the document is. */
    public static final String FORMAT_NAME = "portfolio-ledger evidence bundle";
    public static final int VERSION = 1;

    static final String FORMAT = "format";
    static final String FORMAT_VERSION = "version";
    static final String LEAF_ENCODING = "leafEncoding";
    static final String EXPORTED_AT = "exportedAt";
    static final String SUBJECT = "subject";
    static final String SUBJECT_TYPE = "type";
    static final String SUBJECT_ID = "id";
    static final String AGGREGATES = "aggregates";
    static final String ROLE = "role";
    static final String PERIOD = "period";
    static final String FROM = "from";
    static final String TO = "to";
    static final String PUBLIC_KEY = "publicKey";
    static final String CHECKPOINT = "checkpoint";
    static final String NUMBER = "number";
    static final String TREE_SIZE = "treeSize";
    static final String ROOT_HASH = "rootHash";
    static final String ISSUED_AT = "issuedAt";
    static final String ISSUED_AT_SECONDS = "issuedAtEpochSecond";
    static final String ISSUED_AT_NANOS = "issuedAtNano";
    static final String PREVIOUS_CHECKPOINT_HASH = "previousCheckpointHash";
    static final String SIGNATURE = "signature";
    static final String CHECKPOINT_HASH = "hash";
    static final String EVENTS = "events";
    static final String EVENT_COUNT = "eventCount";
    static final String LOG_INDEX = "logIndex";
    static final String LEAF_HASH = "leafHash";
    static final String INCLUSION_PROOF = "inclusionProof";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String META_DATA = "metaData";
    static final String PAYLOAD = "payload";
    /** The audit metadata shown readable next to the metadata bytes (DESIGN.md, Audit metadata). */
    static final List<String> READABLE_METADATA = List.of("actor", "reason", "correlationId");

    private EvidenceBundle() {
    }

    /** What the bundle is about: a project or a portfolio, and the aggregates whose events it holds. */
    public record Subject(String type, String id, List<Member> aggregates) {

        public Subject {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
            aggregates = List.copyOf(aggregates);
        }
    }

    /** One aggregate of the subject and its role in it (PROJECT, COST_LEDGER, PROGRAM, RESOURCE, ...). */
    public record Member(String role, String aggregateIdentifier) {

        public Member {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
        }
    }

    /**
     * The events' period, on their stored timestamps: {@code from} inclusive, {@code to} exclusive; a
     * null bound is open.
     */
    public record Period(Instant from, Instant to) {

        public Period {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("the period must start before it ends");
            }
        }

        public boolean contains(Instant instant) {
            return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
        }
    }
}
