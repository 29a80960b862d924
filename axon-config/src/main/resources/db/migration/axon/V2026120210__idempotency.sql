-- Idempotency-Key records: the web layer claims a key before running a keyed mutation request
-- and stores the response once its outcome is known; the command bus records each command of
-- such a request in idempotency_command inside the command's own transaction. Together they let
-- a retry answer the first outcome without storing anything twice, across restarts and across
-- instances sharing this database.

CREATE TABLE idempotency_record (
    -- the authenticated user: keys of different users never meet
    principal       text        NOT NULL,
    idempotency_key text        NOT NULL,
    -- SHA-256 of operation name, document and variables: a key reused for another request is refused
    request_hash    bytea       NOT NULL,
    -- the attempt allowed to run the request now; a retry takes over once lease_until has passed
    attempt         uuid        NOT NULL,
    lease_until     timestamptz NOT NULL,
    -- the GraphQL response as sent (text, not jsonb, so field order survives); null until known
    response        text,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);

-- the purge job deletes by expiry
CREATE INDEX idempotency_record_expires_idx ON idempotency_record (expires_at);

CREATE TABLE idempotency_command (
    principal       text NOT NULL,
    idempotency_key text NOT NULL,
    -- the n-th command the request sent (0, 1, ...): a retry sends them in the same order
    step            int  NOT NULL,
    aggregate_id    text NOT NULL,
    correlation_id  text NOT NULL,
    PRIMARY KEY (principal, idempotency_key, step),
    FOREIGN KEY (principal, idempotency_key) REFERENCES idempotency_record ON DELETE CASCADE
);
