-- auditTrail(filter: {correlationId}) and (filter: {requestId}): a reviewer follows a mutation's
-- correlationId (its payload names it) or a request id to every event it caused, newest first.
CREATE INDEX audit_entry_correlation_idx ON audit_entry (correlation_id, global_index DESC);
CREATE INDEX audit_entry_request_idx ON audit_entry (request_id, global_index DESC) WHERE request_id IS NOT NULL;
-- auditTrail(asOf): an entry recorded after the instant counts when an entry of its command (same
-- causation id) was recorded by then.
CREATE INDEX audit_entry_causation_idx ON audit_entry (causation_id, recorded_at);
