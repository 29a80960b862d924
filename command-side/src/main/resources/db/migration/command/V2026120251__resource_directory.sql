-- Command-side lookups of the resource pool. Not read models: never serve queries from here.

-- Which resource ids are taken (claimed before the registration event is applied, so a duplicate
-- id is refused without a rolled-back insert into the event table) and whose pool they are in.
CREATE TABLE resource_directory (
    resource_id  uuid PRIMARY KEY,
    portfolio_id uuid NOT NULL REFERENCES portfolio_directory (portfolio_id)
);

CREATE INDEX resource_directory_portfolio_idx ON resource_directory (portfolio_id);

-- The projects each resource has ever been allocated to (by allocation or reallocation), so that
-- the release process finds the resources to release when a project ends. Rows are never removed:
-- a release to a resource with nothing left on the project changes nothing.
CREATE TABLE resource_project (
    resource_id uuid NOT NULL REFERENCES resource_directory (resource_id),
    project_id  uuid NOT NULL REFERENCES project_directory (project_id),
    PRIMARY KEY (resource_id, project_id)
);

CREATE INDEX resource_project_project_idx ON resource_project (project_id, resource_id);
