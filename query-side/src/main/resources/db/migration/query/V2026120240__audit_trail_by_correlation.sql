-- auditTrail(filter: {correlationId}) and (filter: {requestId}): a reviewer follows a mutation's
-- correlationId (its payload names it) or a request id to every event it caused, newest first.
CREATE INDEX audit_entry_correlation_idx ON audit_entry (correlation_id, global_index DESC);
CREATE INDEX audit_entry_request_idx ON audit_entry (request_id, global_index DESC) WHERE request_id IS NOT NULL;
