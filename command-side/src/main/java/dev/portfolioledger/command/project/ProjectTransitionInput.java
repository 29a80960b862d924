package dev.portfolioledger.command.project;

/**
 * Binds the GraphQL inputs that name only a project and an optional reason:
 * {@code ApproveProjectInput}, {@code StartProjectInput}, {@code PutProjectOnHoldInput} and
 * {@code ResumeProjectInput}.
 */
public record ProjectTransitionInput(String projectId, String reason) {
}
