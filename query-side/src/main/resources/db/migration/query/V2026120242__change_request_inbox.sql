-- Query.changeRequests(filter: {status, portfolioId, programId}): change requests across projects,
-- newest submitted first, keyset on (submitted_at, change_request_id); by status for a change
-- board's inbox. Portfolio and program narrow through project_view's own indexes.
CREATE INDEX change_request_view_inbox_idx ON change_request_view (submitted_at DESC, change_request_id DESC);
CREATE INDEX change_request_view_inbox_status_idx
    ON change_request_view (status, submitted_at DESC, change_request_id DESC);
