package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.ObjectiveOutcome;

import java.util.List;

/** GraphQL {@code CloseProjectInput}; {@code reason} goes to the audit metadata only. */
public record CloseProjectInput(String projectId, List<LessonLearned> lessonsLearned,
                                List<ObjectiveOutcome> objectives, String handoverNotes, String finalRemarks,
                                String reason) {
}
