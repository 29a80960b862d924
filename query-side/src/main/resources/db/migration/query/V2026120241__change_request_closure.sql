-- A change request still open when its project is cancelled is CLOSED with it
-- (ChangeRequestClosedEvent); closure_reason says why ("Project cancelled: <reason>"), decided_by
-- who cancelled the project. status is VARCHAR(16): CLOSED fits.
ALTER TABLE change_request_view ADD COLUMN closure_reason TEXT;
