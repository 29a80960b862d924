package dev.portfolioledger.query.closure;

import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One lesson of a closed project of a portfolio (GraphQL {@code PortfolioLesson}), with the
 * project's name and methodology as they were at its closure (neither changes after approval).
 *
 * @param position the lesson's place in its closure's list, from 0
 * @param closedAt the closure's record time
 */
public record PortfolioLesson(ProjectId projectId, int position, String projectName, Methodology methodology,
                              LessonCategory category, String text, LocalDate closedOn, Instant closedAt) {
}
