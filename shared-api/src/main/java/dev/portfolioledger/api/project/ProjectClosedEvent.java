package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An ACTIVE project was closed, with nothing open left (change requests, deliverables, risks):
 * what it learned, the verdict on each of its objectives, the handover and final remarks, and the
 * final figures (earned value at the end of {@code closedOn}, as the finance views showed them at
 * the closure) with the baseline version the project ended on. CLOSED is final.
 *
 * @param handoverNotes null where none were given
 * @param finalRemarks  null where none were given
 */
@Revision("1")
public record ProjectClosedEvent(ProjectId projectId, LocalDate closedOn, int baselineVersion,
                                 FinalFigures finalFigures, List<LessonLearned> lessonsLearned,
                                 List<ObjectiveOutcome> objectives, String handoverNotes, String finalRemarks)
        implements ProjectEvent {
}
