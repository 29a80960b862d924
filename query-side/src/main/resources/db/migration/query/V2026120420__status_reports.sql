-- Published status reports, written by LiveViewProjection in the "views" processing group (so read
-- your writes covers them), one row per report, never changed: a report is never edited, and a
-- correction is a new row naming the report it supersedes. recorded_ns is the record time of the
-- report's event (nanoseconds since the epoch, as view_version keeps them; a publication is a
-- command of one event, so that is its decision's instant). The reports known at t are those with
-- recorded_ns <= t; one of them is superseded at t when a row with supersedes = its id has
-- recorded_ns <= t, which readers join rather than store, so the rows of a report and of its
-- correction may be written in any order (two segments of a replay).
CREATE TABLE status_report_view (
    report_id        UUID       NOT NULL PRIMARY KEY,
    project_id       UUID       NOT NULL,
    period_start     DATE       NOT NULL,
    period_end       DATE       NOT NULL,
    overall          VARCHAR(5) NOT NULL,
    scope            VARCHAR(5) NOT NULL,
    schedule         VARCHAR(5) NOT NULL,
    cost             VARCHAR(5) NOT NULL,
    summary          TEXT       NOT NULL,
    accomplishments  TEXT[]     NOT NULL,
    next_steps       TEXT[]     NOT NULL,
    decisions_needed TEXT[]     NOT NULL,
    supersedes       UUID,
    reason           TEXT,
    actor            TEXT,
    recorded_ns      BIGINT     NOT NULL
);
-- a project's reports newest period first (the Relay cursor), and its latest one per project
CREATE INDEX status_report_view_project_idx
    ON status_report_view (project_id, period_end DESC, period_start DESC, recorded_ns DESC, report_id DESC);
-- what supersedes a report
CREATE INDEX status_report_view_supersedes_idx ON status_report_view (supersedes) INCLUDE (recorded_ns)
    WHERE supersedes IS NOT NULL;
