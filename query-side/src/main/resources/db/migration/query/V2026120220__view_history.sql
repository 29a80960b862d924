-- The versions of every view that can be asked asOf, written by the "history" processing group
-- (ViewHistoryProjection) in the same transaction as its tracking token.
--
-- One row per version of one view: a portfolio, program, project, project plan or change request
-- as the events of one decision (one command) left it. A version holds from from_ns (the record
-- time of the decision's first event, in nanoseconds since the epoch, the precision Axon stores)
-- until to_ns (the next decision that changed the view; 9223372036854775807 while current).
-- from_index / to_index are the global indexes of those decisions' first events. An as-of read is
-- an indexed read of the rows with from_ns <= t < to_ns. Documents are the view records written
-- with the Axon object mapper; the other columns are what lists, filters and roll-ups need.
CREATE TABLE view_version (
    kind          VARCHAR(32)  NOT NULL,
    id            UUID         NOT NULL,
    -- the aggregate whose events make the view (a change request's project)
    aggregate_id  VARCHAR(255) NOT NULL,
    -- listing parents: a program's or project's portfolio, a change request's project
    parent_id     UUID,
    program_id    UUID,
    -- list order, as lower(name) orders the live lists; null for views not listed by name
    sort_key      TEXT,
    status        VARCHAR(16),
    from_ns       BIGINT       NOT NULL,
    to_ns         BIGINT       NOT NULL,
    from_index    BIGINT       NOT NULL,
    to_index      BIGINT,
    -- sequence number of the last event of the aggregate this version reflects
    sequence      BIGINT       NOT NULL,
    document      JSONB        NOT NULL,
    PRIMARY KEY (kind, id, from_ns),
    CONSTRAINT view_version_interval CHECK (from_ns < to_ns)
);
-- the current versions of an aggregate's views, which the next decision closes
CREATE INDEX view_version_open_idx ON view_version (aggregate_id) WHERE to_ns = 9223372036854775807;
-- as-of lists in live list order, and the roll-up counts; the interval columns are in the index so
-- versions not valid at the instant are passed over without reading the table
CREATE INDEX view_version_parent_idx ON view_version (kind, parent_id, sort_key, id, from_ns, to_ns)
    WHERE parent_id IS NOT NULL;
CREATE INDEX view_version_program_idx ON view_version (kind, program_id, sort_key, id, from_ns, to_ns)
    WHERE program_id IS NOT NULL;
CREATE INDEX view_version_parent_count_idx ON view_version (kind, parent_id, from_ns, to_ns, status)
    WHERE parent_id IS NOT NULL;
CREATE INDEX view_version_program_count_idx ON view_version (kind, program_id, from_ns, to_ns, status)
    WHERE program_id IS NOT NULL;

-- Per aggregate, the last event the history reflects: the replay and redelivery guard, and the
-- decision (causation id, its instant and global index) that a following event of the same command
-- continues, also when the command's events fall into two batches.
CREATE TABLE view_history_position (
    aggregate_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    last_sequence BIGINT       NOT NULL,
    causation_id  VARCHAR(255) NOT NULL,
    decided_ns    BIGINT       NOT NULL,
    decided_index BIGINT       NOT NULL
);
