-- The resource pool, written by LiveViewProjection in the "views" processing group.

-- One row per resource: the columns lists select and order by, and the whole view (ResourceView as
-- the Axon object mapper writes it). last_sequence is the newest event of the resource the row
-- reflects; an upsert never moves it backwards.
CREATE TABLE resource_view (
    id            UUID        NOT NULL PRIMARY KEY,
    portfolio_id  UUID        NOT NULL,
    name          TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    status        VARCHAR(16) NOT NULL,
    document      JSONB       NOT NULL,
    last_sequence BIGINT      NOT NULL
);
CREATE INDEX resource_view_portfolio_idx ON resource_view (portfolio_id, lower(name), id);
CREATE INDEX resource_view_name_idx ON resource_view (lower(name), id);

-- The current allocations of every resource, one row each: a project's team is read by project.
CREATE TABLE resource_allocation_view (
    resource_id           UUID NOT NULL,
    allocation_id         UUID NOT NULL,
    project_id            UUID NOT NULL,
    percent               INT  NOT NULL,
    start_date            DATE NOT NULL,
    end_date              DATE NOT NULL,
    overallocation_reason TEXT,
    PRIMARY KEY (resource_id, allocation_id)
);
CREATE INDEX resource_allocation_view_project_idx ON resource_allocation_view (project_id, start_date, allocation_id);

-- Time log entries: immutable facts, one row each, with the record time (nanoseconds since the
-- epoch, as view_version keeps them) of the event that logged it and of the one that reversed it
-- (null while it stands). A project's labour as of t is a sum over the entries logged at or before
-- t that were not reversed at or before t: no versions needed.
CREATE TABLE time_entry_view (
    resource_id   UUID        NOT NULL,
    time_entry_id UUID        NOT NULL,
    project_id    UUID        NOT NULL,
    work_date     DATE        NOT NULL,
    hours         NUMERIC     NOT NULL,
    cost          NUMERIC     NOT NULL,
    currency      CHAR(3)     NOT NULL,
    logged_ns     BIGINT      NOT NULL,
    reversed_ns   BIGINT,
    PRIMARY KEY (resource_id, time_entry_id)
);
CREATE INDEX time_entry_view_project_idx ON time_entry_view (project_id, logged_ns);
