-- Closures of projects (issue 13). A closure is final, so its rows are immutable facts stamped with
-- the record time of the ProjectClosedEvent (nanoseconds since the epoch, as the finance rows and
-- time entries keep it): as of t, a closure exists when closed_ns <= t. Written by the live
-- projection (group views) in its batch's transaction.

CREATE TABLE project_closure_view (
    project_id   UUID   PRIMARY KEY,
    portfolio_id UUID   NOT NULL,
    closed_ns    BIGINT NOT NULL,
    -- the ProjectClosureView record as the Axon object mapper writes it
    document     JSONB  NOT NULL
);

-- One row per lesson learned, for the portfolio's knowledge base (newest closure first).
CREATE TABLE lesson_learned_view (
    project_id   UUID    NOT NULL,
    position     INTEGER NOT NULL,
    portfolio_id UUID    NOT NULL,
    project_name TEXT    NOT NULL,
    methodology  TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    closed_on    DATE    NOT NULL,
    closed_ns    BIGINT  NOT NULL,
    PRIMARY KEY (project_id, position)
);
CREATE INDEX lesson_learned_view_portfolio_idx
    ON lesson_learned_view (portfolio_id, closed_ns DESC, project_id, position);
