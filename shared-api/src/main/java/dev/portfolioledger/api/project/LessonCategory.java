package dev.portfolioledger.api.project;

/** What a lesson learned at a project's closure is about: the PMO's knowledge base is filtered by it. */
public enum LessonCategory {
    SCOPE,
    SCHEDULE,
    COST,
    QUALITY,
    RISK,
    STAKEHOLDERS,
    RESOURCES,
    PROCESS,
    TECHNOLOGY,
    OTHER
}
