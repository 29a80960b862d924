package dev.portfolioledger.api.project;

/**
 * The verdict on one objective of a project at its closure: the objective exactly as defined
 * ({@link DefineProjectObjectivesCommand}), how far it was reached and a note. Carried inside
 * {@link ProjectClosedEvent}, so it checks nothing itself ({@link CloseProjectCommand} does).
 *
 * @param note why, or what is left; null where none was given (only a MET objective may go without)
 */
public record ObjectiveOutcome(String objective, ObjectiveAchievement achievement, String note) {
}
