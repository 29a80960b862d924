-- The plan of each project (deliverables, milestones, budget, objectives, baseline version),
-- written by ProjectPlanProjection in the "views" processing group.
--
-- The plan's events belong to the project aggregate, so project_view.last_sequence guards them
-- too: the projection claims an event on the project_view row first and rewrites the plan rows
-- of that project only when the claim succeeds. The plan rows therefore need no sequence of
-- their own. position keeps each list in the order its items were added.

ALTER TABLE project_view
    ADD COLUMN objectives       TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN baseline_version INT;

CREATE TABLE deliverable_view (
    project_id          UUID         NOT NULL,
    deliverable_id      UUID         NOT NULL,
    position            INT          NOT NULL,
    name                VARCHAR(200) NOT NULL,
    description         TEXT,
    acceptance_criteria TEXT,
    -- unconstrained numeric keeps the scale the amount was planned with (12000.50 stays 12000.50)
    planned_cost        NUMERIC      NOT NULL,
    currency            CHAR(3)      NOT NULL,
    planned_start       DATE         NOT NULL,
    planned_finish      DATE         NOT NULL,
    PRIMARY KEY (project_id, deliverable_id),
    CONSTRAINT deliverable_view_position_key UNIQUE (project_id, position)
);

CREATE TABLE milestone_view (
    project_id      UUID         NOT NULL,
    milestone_id    UUID         NOT NULL,
    position        INT          NOT NULL,
    name            VARCHAR(200) NOT NULL,
    due_date        DATE         NOT NULL,
    -- in the order they were linked; no foreign key, as for every view
    deliverable_ids UUID[]       NOT NULL DEFAULT '{}',
    PRIMARY KEY (project_id, milestone_id),
    CONSTRAINT milestone_view_position_key UNIQUE (project_id, position)
);

-- One row per cost category with a non-zero budget; planning zero deletes the row.
CREATE TABLE budget_line_view (
    project_id UUID        NOT NULL,
    category   VARCHAR(16) NOT NULL,
    position   INT         NOT NULL,
    amount     NUMERIC     NOT NULL,
    currency   CHAR(3)     NOT NULL,
    PRIMARY KEY (project_id, category),
    CONSTRAINT budget_line_view_position_key UNIQUE (project_id, position)
);
