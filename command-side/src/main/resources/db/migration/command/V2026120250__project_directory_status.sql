-- The project's lifecycle status, so that allocating a resource can require an APPROVED or ACTIVE
-- project of the resource's portfolio without loading the Project aggregate or asking a read model
-- (which lags). Written with the claim (PROPOSED) and kept current by ProjectDirectoryProjection in
-- the lifecycle command's own transaction (processing group command-lookups, subscribing).

ALTER TABLE project_directory ADD COLUMN status text;

-- Backfill from each project's newest lifecycle event (payloadtype is the event's class name).
UPDATE project_directory directory
SET status = latest.status
FROM (SELECT DISTINCT ON (aggregateidentifier) aggregateidentifier,
             CASE payloadtype
                 WHEN 'dev.portfolioledger.api.project.ProjectProposedEvent' THEN 'PROPOSED'
                 WHEN 'dev.portfolioledger.api.project.ProjectApprovedEvent' THEN 'APPROVED'
                 WHEN 'dev.portfolioledger.api.project.ProjectStartedEvent' THEN 'ACTIVE'
                 WHEN 'dev.portfolioledger.api.project.ProjectResumedEvent' THEN 'ACTIVE'
                 WHEN 'dev.portfolioledger.api.project.ProjectPutOnHoldEvent' THEN 'ON_HOLD'
                 WHEN 'dev.portfolioledger.api.project.ProjectCancelledEvent' THEN 'CANCELLED'
             END AS status
      FROM domainevententry
      WHERE payloadtype IN ('dev.portfolioledger.api.project.ProjectProposedEvent',
                            'dev.portfolioledger.api.project.ProjectApprovedEvent',
                            'dev.portfolioledger.api.project.ProjectStartedEvent',
                            'dev.portfolioledger.api.project.ProjectResumedEvent',
                            'dev.portfolioledger.api.project.ProjectPutOnHoldEvent',
                            'dev.portfolioledger.api.project.ProjectCancelledEvent')
      ORDER BY aggregateidentifier, sequencenumber DESC) latest
WHERE latest.aggregateidentifier = directory.project_id::text;

-- Fails loudly if a directory row has no proposal event: a bug to look at, not to paper over.
ALTER TABLE project_directory ALTER COLUMN status SET NOT NULL;
ALTER TABLE project_directory ADD CONSTRAINT project_directory_status_known
    CHECK (status IN ('PROPOSED', 'APPROVED', 'ACTIVE', 'ON_HOLD', 'CLOSED', 'CANCELLED'));
