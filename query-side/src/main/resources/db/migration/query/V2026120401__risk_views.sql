-- The risk register's read rows, written by LiveViewProjection in the "views" processing group (so
-- read your writes covers them), stamped with record times in nanoseconds since the epoch as the
-- finance rows are: what was known at instant t is an indexed read of the versions with
-- from_ns <= t < to_ns. Live reads are the same statements at t = 9223372036854775806, so a heatmap
-- or a top-risks list costs the same live and as of an instant.

-- One row per version of a risk: from the record time of the decision that made it (every event of
-- one command counts at its first event's time) until the next one's (to_ns; 9223372036854775807
-- while current). The portfolio is the risk's project's. exposure = probability * impact.
CREATE TABLE risk_version (
    risk_id           UUID        NOT NULL,
    from_ns           BIGINT      NOT NULL,
    to_ns             BIGINT      NOT NULL,
    project_id        UUID        NOT NULL,
    portfolio_id      UUID        NOT NULL,
    status            VARCHAR(10) NOT NULL,
    probability       SMALLINT    NOT NULL,
    impact            SMALLINT    NOT NULL,
    exposure          SMALLINT    NOT NULL,
    review_date       DATE        NOT NULL,
    identified_ns     BIGINT      NOT NULL,
    identified_by     TEXT,
    title             TEXT        NOT NULL,
    description       TEXT,
    category          TEXT        NOT NULL,
    owner             TEXT        NOT NULL,
    response          VARCHAR(8)  NOT NULL,
    response_plan     TEXT,
    status_changed_ns BIGINT      NOT NULL,
    closure_reason    TEXT,
    impact_note       TEXT,
    change_request_id UUID,
    PRIMARY KEY (risk_id, from_ns)
);
-- a project's register in the order identified (its Relay cursor), by status
CREATE INDEX risk_version_project_idx ON risk_version (project_id, identified_ns, risk_id)
    INCLUDE (from_ns, to_ns, status);
-- the heatmap: counts of open risks valid at t by probability and impact (an index-only scan)
CREATE INDEX risk_version_heatmap_idx ON risk_version (portfolio_id, to_ns, from_ns)
    INCLUDE (probability, impact) WHERE status IN ('OPEN', 'MITIGATING');
-- top risks: open risks in ranking order, validity checked inside the index, stopping at the limit
CREATE INDEX risk_version_top_idx ON risk_version (portfolio_id, exposure DESC, impact DESC, identified_ns, risk_id)
    INCLUDE (from_ns, to_ns) WHERE status IN ('OPEN', 'MITIGATING');
-- risks past their review date, oldest review first
CREATE INDEX risk_version_review_idx ON risk_version (portfolio_id, review_date, identified_ns, risk_id)
    INCLUDE (from_ns, to_ns) WHERE status IN ('OPEN', 'MITIGATING');

-- A risk's history: one row per event of it (sequence: its number in the project's stream, the
-- replay guard), immutable, with the record time of its decision and its actor. A reassessment
-- carries the ratings before and after; a closure its reason; an occurrence its impact note.
CREATE TABLE risk_history_view (
    risk_id              UUID        NOT NULL,
    sequence             BIGINT      NOT NULL,
    project_id           UUID        NOT NULL,
    kind                 VARCHAR(20) NOT NULL,
    recorded_ns          BIGINT      NOT NULL,
    actor                TEXT,
    status               VARCHAR(10) NOT NULL,
    previous_probability SMALLINT,
    previous_impact      SMALLINT,
    probability          SMALLINT    NOT NULL,
    impact               SMALLINT    NOT NULL,
    reason               TEXT,
    PRIMARY KEY (risk_id, sequence)
);

-- Per project, the last event the rows above reflect and the decision it belongs to: the
-- redelivery guard, and what lets a command's events that fall into two batches (a cancellation
-- and the risks it closes) still count at one instant.
CREATE TABLE risk_position (
    project_id    UUID   NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    causation_id  TEXT   NOT NULL,
    decided_ns    BIGINT NOT NULL
);
