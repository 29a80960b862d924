-- Costs, progress and what earned value reads, written by LiveViewProjection in the "views"
-- processing group (so read your writes covers them). Every row carries record times in
-- nanoseconds since the epoch, as view_version keeps them: the figures of a date as known at an
-- instant t are indexed reads of the rows recorded at or before t (from_ns <= t < to_ns for
-- versions). Live reads are the same statements at t = 9223372036854775806.

-- The ledger: one row per entry, expenses (amount positive) and reversals (amount negative, the
-- reversed expense's category and incurred date), immutable. An expense's reversed_ns and
-- reversal_entry_id say when and by which entry it was reversed; a reversal's reversed_entry_id
-- which expense it cancels. AC as of t up to day d is the sum of the amounts recorded at or before
-- t and incurred on or before d: a reversal cancels its expense from its own record time on.
CREATE TABLE cost_entry_view (
    project_id        UUID        NOT NULL,
    entry_id          UUID        NOT NULL,
    kind              VARCHAR(8)  NOT NULL,
    category          VARCHAR(16) NOT NULL,
    incurred_on       DATE        NOT NULL,
    amount            NUMERIC     NOT NULL,
    currency          CHAR(3)     NOT NULL,
    vendor            TEXT,
    description       TEXT,
    reason            TEXT,
    actor             TEXT,
    reversed_entry_id UUID,
    recorded_ns       BIGINT      NOT NULL,
    reversal_entry_id UUID,
    reversed_ns       BIGINT,
    PRIMARY KEY (project_id, entry_id)
);
-- sums per project up to a date; the ledger in record order (its Relay cursor)
CREATE INDEX cost_entry_view_incurred_idx ON cost_entry_view (project_id, incurred_on) INCLUDE (recorded_ns, amount);
CREATE INDEX cost_entry_view_recorded_idx ON cost_entry_view (project_id, recorded_ns, entry_id);
-- time entries up to a date (labour is the other half of AC)
CREATE INDEX time_entry_view_work_date_idx ON time_entry_view (project_id, work_date)
    INCLUDE (logged_ns, reversed_ns, cost);

-- Execution reports of a project, immutable, one row per event (sequence: its number in the
-- project's stream, the replay guard): kind PROGRESS (item a deliverable, percent, on_date its
-- status date), COMPLETION (item a milestone, on_date the actual date), FORECAST (item a
-- deliverable, on_date the expected finish). A progress report also gets the status date and
-- record time of the deliverable's next report (next_on_date, next_ns; null until there is one):
-- since a deliverable's status dates never go back, the report that counts for day d as known at
-- t is the one row with recorded_ns <= t AND on_date <= d AND NOT (next_ns <= t AND
-- next_on_date <= d), a filter with no sort.
CREATE TABLE project_execution_view (
    project_id  UUID       NOT NULL,
    sequence    BIGINT     NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    item_id     UUID       NOT NULL,
    percent     INT,
    on_date     DATE       NOT NULL,
    recorded_ns BIGINT     NOT NULL,
    next_on_date DATE,
    next_ns     BIGINT,
    PRIMARY KEY (project_id, sequence)
);
CREATE INDEX project_execution_view_item_idx ON project_execution_view (kind, item_id, recorded_ns);
CREATE INDEX project_execution_view_progress_idx ON project_execution_view (project_id, item_id, sequence)
    INCLUDE (percent, on_date, recorded_ns, next_on_date, next_ns) WHERE kind = 'PROGRESS';

-- Versions of what planned value needs, so that a portfolio's earned value as of t reads no plan
-- document: per project its listing (portfolio, program, name, status) and BAC, per deliverable its
-- planned cost and window. A version holds from the record time of the decision that made it
-- (every event of one command counts at its first event's time) until the next (to_ns, or
-- 9223372036854775807 while current).
CREATE TABLE project_cost_version (
    project_id   UUID        NOT NULL,
    from_ns      BIGINT      NOT NULL,
    to_ns        BIGINT      NOT NULL,
    portfolio_id UUID        NOT NULL,
    program_id   UUID,
    name         TEXT        NOT NULL,
    status       VARCHAR(16) NOT NULL,
    bac          NUMERIC     NOT NULL,
    PRIMARY KEY (project_id, from_ns)
);
CREATE INDEX project_cost_version_portfolio_idx ON project_cost_version (portfolio_id, from_ns, to_ns);
CREATE INDEX project_cost_version_program_idx ON project_cost_version (program_id, from_ns, to_ns)
    WHERE program_id IS NOT NULL;

CREATE TABLE deliverable_cost_version (
    project_id     UUID    NOT NULL,
    deliverable_id UUID    NOT NULL,
    from_ns        BIGINT  NOT NULL,
    to_ns          BIGINT  NOT NULL,
    name           TEXT    NOT NULL,
    planned_cost   NUMERIC NOT NULL,
    planned_start  DATE    NOT NULL,
    planned_finish DATE    NOT NULL,
    PRIMARY KEY (project_id, deliverable_id, from_ns)
);
CREATE INDEX deliverable_cost_version_valid_idx ON deliverable_cost_version (project_id, from_ns, to_ns);

-- Per aggregate (project or cost ledger), the last event the rows above reflect and the decision
-- it belongs to: the redelivery guard, and what lets a command's events that fall into two batches
-- still count at one instant.
CREATE TABLE finance_position (
    aggregate_id  UUID   NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    causation_id  TEXT   NOT NULL,
    decided_ns    BIGINT NOT NULL
);
