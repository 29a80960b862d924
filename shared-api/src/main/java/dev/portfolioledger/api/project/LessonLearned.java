package dev.portfolioledger.api.project;

/**
 * One lesson a project learned, recorded at its closure. Carried inside {@link ProjectClosedEvent},
 * so it checks nothing itself ({@link CloseProjectCommand} does).
 */
public record LessonLearned(LessonCategory category, String text) {
}
