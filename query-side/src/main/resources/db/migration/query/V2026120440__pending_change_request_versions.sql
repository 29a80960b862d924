-- portfolio.health as of an instant counts each project's pending change requests (SUBMITTED or
-- ASSESSED) from the change requests' versions valid then (ViewHistory.pendingChangeRequests). Without
-- an index that knows the status, that read visited every change-request version of the portfolio valid
-- at the instant (38,253 of them on the scale data set, 23,536 heap blocks) to keep 28: as-of health p99
-- was 1.5-2.0 x live. This partial index holds only the pending versions, by project.
CREATE INDEX view_version_pending_change_request_idx ON view_version (parent_id, from_ns, to_ns)
    WHERE kind = 'CHANGE_REQUEST' AND status IN ('SUBMITTED', 'ASSESSED');
