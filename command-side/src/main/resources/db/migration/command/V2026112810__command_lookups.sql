-- Command-side lookups for set-based rules (unique portfolio names; "the portfolio exists and is
-- not archived"; "the program exists, is open and sits in the same portfolio"; "this id is new").
-- Written only by the command side, in the command's own transaction, so they are never behind
-- the event store the way query-side views are. Not a read model: never serve queries from here.

CREATE TABLE portfolio_directory (
    portfolio_id uuid PRIMARY KEY,
    -- trimmed, lower-cased name (Locale.ROOT); claimed before the event is applied
    name_key     text NOT NULL,
    status       text NOT NULL,
    CONSTRAINT portfolio_directory_name_key_unique UNIQUE (name_key),
    CONSTRAINT portfolio_directory_status_known CHECK (status IN ('ACTIVE', 'ARCHIVED'))
);

CREATE TABLE program_directory (
    program_id   uuid PRIMARY KEY,
    portfolio_id uuid NOT NULL REFERENCES portfolio_directory (portfolio_id),
    status       text NOT NULL,
    CONSTRAINT program_directory_status_known CHECK (status IN ('OPEN', 'CLOSED'))
);

CREATE INDEX program_directory_portfolio_idx ON program_directory (portfolio_id);

CREATE TABLE project_directory (
    project_id   uuid PRIMARY KEY,
    portfolio_id uuid NOT NULL REFERENCES portfolio_directory (portfolio_id),
    -- null for a project directly under its portfolio
    program_id   uuid REFERENCES program_directory (program_id)
);

CREATE INDEX project_directory_portfolio_idx ON project_directory (portfolio_id);
CREATE INDEX project_directory_program_idx ON project_directory (program_id);
