package dev.portfolioledger.api.project;

/** How the project is run. */
public enum Methodology {
    WATERFALL,
    AGILE,
    SCRUM,
    KANBAN,
    LEAN,
    HYBRID
}
