-- A project's stakeholders and the quality of its deliverables (reviews, acceptance), written by
-- LiveViewProjection in the "views" processing group: one row per project, the whole view
-- (ProjectQualityView as the Axon object mapper writes it), and the deliverables it holds
-- something about, so that a deliverable's reviews are found by its id.
CREATE TABLE project_quality_view (
    project_id      UUID   NOT NULL PRIMARY KEY,
    deliverable_ids UUID[] NOT NULL,
    document        JSONB  NOT NULL
);
CREATE INDEX project_quality_view_deliverables_idx ON project_quality_view USING GIN (deliverable_ids);
