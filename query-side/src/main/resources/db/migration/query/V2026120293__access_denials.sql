-- accessDenials (issue 14, refusals on record): one row per AccessDeniedEvent, written by
-- AccessDenialProjection (processing group audit). Append-only, like the events it shows: a row is
-- never changed, so the list needs no versions for as-of reads.
CREATE TABLE access_denial (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    global_index    BIGINT       NOT NULL,
    denied_at       TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    operation       VARCHAR(255) NOT NULL,
    target          VARCHAR(255),
    code            VARCHAR(64)  NOT NULL,
    request_id      VARCHAR(255),
    correlation_id  VARCHAR(255) NOT NULL,
    CONSTRAINT access_denial_global_index_key UNIQUE (global_index)
);
-- newest first, by actor or code (the filters a reviewer starts from); operation and time ranges
-- are read through the global index or these
CREATE INDEX access_denial_actor_idx ON access_denial (actor, global_index DESC);
CREATE INDEX access_denial_code_idx ON access_denial (code, global_index DESC);
CREATE INDEX access_denial_denied_at_idx ON access_denial (denied_at, global_index);
