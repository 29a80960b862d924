-- The tamper-evident audit log (issue 14, docs/audit-integrity.md). Written only by the integrity
-- processing group (one leaf per stored event, in the order the processor delivers them) and by the
-- checkpoint signer; never updated, never deleted, never rebuilt.

-- One Merkle leaf per event. log_index is the leaf's position in the tree (0, 1, 2, ... without gaps),
-- assigned when the leaf is appended; it follows delivery order, which is global-index order except
-- for an event whose transaction committed late (it fills its gap after events with higher global
-- indexes). aggregate_identifier and sequence_number are copies, so that a leaf whose event was deleted
-- still names what it vouched for, and so that a proof can be asked for by aggregate and sequence.
CREATE TABLE integrity_leaf (
    log_index            BIGINT       NOT NULL,
    global_index         BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    leaf_hash            BYTEA        NOT NULL,
    appended_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT integrity_leaf_pk PRIMARY KEY (log_index),
    CONSTRAINT integrity_leaf_global_index UNIQUE (global_index),
    CONSTRAINT integrity_leaf_event UNIQUE (event_identifier),
    CONSTRAINT integrity_leaf_hash_length CHECK (octet_length(leaf_hash) = 32)
);
CREATE INDEX integrity_leaf_aggregate ON integrity_leaf (aggregate_identifier, sequence_number);

-- Signed checkpoints (tree size, root, time, previous checkpoint's hash; Ed25519 signature), oldest
-- first by id. checkpoint_hash = SHA-256(signed bytes || signature), what the next one names.
CREATE TABLE integrity_checkpoint (
    id                       BIGINT      NOT NULL,
    tree_size                BIGINT      NOT NULL,
    root_hash                BYTEA       NOT NULL,
    issued_at                TIMESTAMPTZ NOT NULL,
    previous_checkpoint_hash BYTEA       NOT NULL,
    signature                BYTEA       NOT NULL,
    checkpoint_hash          BYTEA       NOT NULL,
    CONSTRAINT integrity_checkpoint_pk PRIMARY KEY (id)
);
