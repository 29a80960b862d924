-- Read models of the query side, written by the "views" and "audit" processing groups in the
-- same transaction as their tracking tokens.
--
-- No foreign keys between views: processor segments handle aggregates independently, so a
-- project may be projected before the portfolio it belongs to. last_sequence is the sequence
-- number of the newest event a row reflects; upserts never move a row back to an older event.
-- Lists order by lower(name), id; the expression indexes below serve those keyset queries.

CREATE TABLE portfolio_view (
    id            UUID         NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    description   TEXT,
    currency      CHAR(3)      NOT NULL,
    owner         VARCHAR(200),
    status        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX portfolio_view_name_idx ON portfolio_view (lower(name), id);

CREATE TABLE program_view (
    id            UUID         NOT NULL PRIMARY KEY,
    portfolio_id  UUID         NOT NULL,
    name          VARCHAR(200) NOT NULL,
    manager       VARCHAR(200),
    objectives    TEXT[]       NOT NULL DEFAULT '{}',
    status        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX program_view_portfolio_idx ON program_view (portfolio_id, lower(name), id);

CREATE TABLE project_view (
    id                  UUID         NOT NULL PRIMARY KEY,
    portfolio_id        UUID         NOT NULL,
    program_id          UUID,
    name                VARCHAR(200) NOT NULL,
    description         TEXT,
    manager             VARCHAR(200),
    sponsor             VARCHAR(200),
    methodology         VARCHAR(16)  NOT NULL,
    planned_start       DATE         NOT NULL,
    planned_finish      DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    cancellation_reason TEXT,
    approved_at         TIMESTAMPTZ,
    started_at          TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    last_sequence       BIGINT       NOT NULL
);
-- Unfiltered list, and one index per filter in list order (the planner combines them when
-- several filters are given).
CREATE INDEX project_view_name_idx ON project_view (lower(name), id);
CREATE INDEX project_view_portfolio_idx ON project_view (portfolio_id, lower(name), id);
CREATE INDEX project_view_program_idx ON project_view (program_id, lower(name), id) WHERE program_id IS NOT NULL;
CREATE INDEX project_view_status_idx ON project_view (status, lower(name), id);
CREATE INDEX project_view_methodology_idx ON project_view (methodology, lower(name), id);
CREATE INDEX project_view_manager_idx ON project_view (manager, lower(name), id);
-- Status roll-ups per portfolio and per program, answered from the index alone.
CREATE INDEX project_view_portfolio_status_idx ON project_view (portfolio_id, status);
CREATE INDEX project_view_program_status_idx ON project_view (program_id, status) WHERE program_id IS NOT NULL;

-- One row per stored event. event_id is the replay guard (ON CONFLICT DO NOTHING); the trail
-- is read newest first by global_index, alone or within one filter.
CREATE TABLE audit_entry (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    event_type      VARCHAR(255) NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    aggregate_type  VARCHAR(255),
    sequence_number BIGINT       NOT NULL,
    global_index    BIGINT       NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    reason          TEXT,
    correlation_id  VARCHAR(255) NOT NULL,
    causation_id    VARCHAR(255) NOT NULL,
    request_id      VARCHAR(255),
    command_name    VARCHAR(255),
    payload         JSONB        NOT NULL,
    CONSTRAINT audit_entry_global_index_key UNIQUE (global_index)
);
CREATE INDEX audit_entry_aggregate_idx ON audit_entry (aggregate_id, global_index DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, global_index DESC);
CREATE INDEX audit_entry_event_type_idx ON audit_entry (event_type, global_index DESC);
CREATE INDEX audit_entry_recorded_at_idx ON audit_entry (recorded_at, global_index);
