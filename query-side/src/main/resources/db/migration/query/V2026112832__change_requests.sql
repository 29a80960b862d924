-- Change requests and baseline versions, written by ChangeRequestProjection in the "views"
-- processing group.

-- One row per change request. position is the sequence number of the submission event in the
-- project's stream: it orders a project's requests (newest first) and keys their cursors.
-- last_sequence is the sequence of the last event applied; an upsert never moves it backwards.
CREATE TABLE change_request_view (
    project_id           UUID        NOT NULL,
    change_request_id    UUID        NOT NULL,
    position             BIGINT      NOT NULL,
    title                TEXT        NOT NULL,
    justification        TEXT        NOT NULL,
    -- List<ProposedChange> as the Axon object mapper writes it
    changes              JSONB       NOT NULL,
    status               VARCHAR(16) NOT NULL,
    submitted_by         TEXT        NOT NULL,
    submitted_at         TIMESTAMPTZ NOT NULL,
    -- the assessment: all null until assessed
    cost_impact          NUMERIC,
    cost_currency        CHAR(3),
    schedule_impact_days INT,
    risk_notes           TEXT,
    assessed_by          TEXT,
    assessed_at          TIMESTAMPTZ,
    -- approver, rejecter, or the submitter for a withdrawal
    decided_by           TEXT,
    decided_at           TIMESTAMPTZ,
    rejection_reason     TEXT,
    -- the baseline version the request's approval produced
    baseline_version     INT,
    last_sequence        BIGINT      NOT NULL,
    PRIMARY KEY (project_id, change_request_id),
    CONSTRAINT change_request_view_position_key UNIQUE (project_id, position)
);

CREATE INDEX change_request_view_status_idx ON change_request_view (project_id, status, position DESC);

-- One row per baseline version; rows never change once written. Version 1 holds the plan approval
-- froze (established); every later version the changes its change request applied.
CREATE TABLE baseline_version_view (
    project_id        UUID        NOT NULL,
    version           INT         NOT NULL,
    change_request_id UUID,
    established_at    TIMESTAMPTZ NOT NULL,
    changes           JSONB       NOT NULL DEFAULT '[]',
    established       JSONB,
    PRIMARY KEY (project_id, version)
);
