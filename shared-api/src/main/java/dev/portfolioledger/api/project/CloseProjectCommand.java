package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Close an ACTIVE project: the lessons it learned (at least one), a verdict on each of its
 * objectives (every objective exactly once; the aggregate checks them against the defined ones),
 * handover notes and final remarks. The closure date and the final figures are the server's:
 * today (UTC), and the project's earned value at the end of that day as the finance views show it.
 */
public record CloseProjectCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate closedOn,
                                  List<LessonLearned> lessonsLearned, List<ObjectiveOutcome> objectives,
                                  String handoverNotes, String finalRemarks, FinalFigures finalFigures) {

    public static final int MAX_LESSONS = 100;

    public CloseProjectCommand {
        Checks.required(projectId, "projectId");
        Checks.date(closedOn, "closedOn");
        lessonsLearned = lessons(lessonsLearned);
        objectives = outcomes(objectives);
        handoverNotes = Checks.optionalText(handoverNotes, "handoverNotes", Checks.TEXT_MAX);
        finalRemarks = Checks.optionalText(finalRemarks, "finalRemarks", Checks.TEXT_MAX);
        Checks.required(finalFigures, "finalFigures");
    }

    private static List<LessonLearned> lessons(List<LessonLearned> lessons) {
        if (lessons == null || lessons.isEmpty()) {
            throw Checks.invalid("lessonsLearned must hold at least one lesson");
        }
        if (lessons.size() > MAX_LESSONS) {
            throw Checks.invalid("lessonsLearned may hold at most " + MAX_LESSONS + " entries");
        }
        List<LessonLearned> checked = new ArrayList<>(lessons.size());
        for (int i = 0; i < lessons.size(); i++) {
            String field = "lessonsLearned[" + i + "]";
            LessonLearned lesson = Checks.required(lessons.get(i), field);
            checked.add(new LessonLearned(Checks.required(lesson.category(), field + ".category"),
                                          Checks.text(lesson.text(), field + ".text", Checks.TEXT_MAX)));
        }
        return List.copyOf(checked);
    }

    /** Each objective once; a verdict short of MET says why. */
    private static List<ObjectiveOutcome> outcomes(List<ObjectiveOutcome> outcomes) {
        if (outcomes == null) {
            return List.of();
        }
        if (outcomes.size() > DefineProjectObjectivesCommand.MAX_OBJECTIVES) {
            throw Checks.invalid("objectives may hold at most " + DefineProjectObjectivesCommand.MAX_OBJECTIVES
                                 + " entries");
        }
        List<ObjectiveOutcome> checked = new ArrayList<>(outcomes.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            String field = "objectives[" + i + "]";
            ObjectiveOutcome outcome = Checks.required(outcomes.get(i), field);
            String objective = Checks.text(outcome.objective(), field + ".objective", Checks.TEXT_MAX);
            ObjectiveAchievement achievement = Checks.required(outcome.achievement(), field + ".achievement");
            String note = achievement == ObjectiveAchievement.MET
                    ? Checks.optionalText(outcome.note(), field + ".note", Checks.TEXT_MAX)
                    : Checks.text(outcome.note(), field + ".note", Checks.TEXT_MAX);
            Integer earlier = seen.putIfAbsent(objective, i);
            if (earlier != null) {
                throw Checks.invalid(field + ".objective repeats objectives[" + earlier
                                     + "]; give each objective one verdict");
            }
            checked.add(new ObjectiveOutcome(objective, achievement, note));
        }
        return List.copyOf(checked);
    }
}
