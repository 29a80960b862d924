-- Command-side lookup of status reports. Not a read model: never serve queries from here.

-- Which report ids are taken (claimed before the publication event is applied, so a duplicate id is
-- refused without a rolled-back insert into the event table), whose project each report is of, and
-- which report superseded it: a report is superseded at most once, by a report of its own project.
CREATE TABLE status_report_directory (
    status_report_id uuid PRIMARY KEY,
    project_id       uuid NOT NULL REFERENCES project_directory (project_id),
    superseded_by    uuid REFERENCES status_report_directory (status_report_id)
);
