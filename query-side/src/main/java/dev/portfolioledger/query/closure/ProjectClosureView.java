package dev.portfolioledger.query.closure;

import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.ObjectiveOutcome;
import dev.portfolioledger.api.project.ProjectClosedEvent;
import dev.portfolioledger.api.project.ProjectId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How a project was closed (GraphQL {@code ProjectClosure}): exactly what its
 * {@link ProjectClosedEvent} says, with who closed it and when that was recorded. A closure is
 * final, so the view never changes once written.
 *
 * @param closedBy the actor of the closing command
 * @param closedAt the closure's record time
 */
public record ProjectClosureView(ProjectId projectId, LocalDate closedOn, Instant closedAt, String closedBy,
                                 int baselineVersion, FinalFigures finalFigures,
                                 List<LessonLearned> lessonsLearned, List<ObjectiveOutcome> objectives,
                                 String handoverNotes, String finalRemarks) {

    public static ProjectClosureView of(ProjectClosedEvent event, Instant closedAt, String closedBy) {
        return new ProjectClosureView(event.projectId(), event.closedOn(), closedAt, closedBy, event.baselineVersion(),
                                      event.finalFigures(), event.lessonsLearned(), event.objectives(),
                                      event.handoverNotes(), event.finalRemarks());
    }
}
