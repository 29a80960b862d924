package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.ProjectId;

import java.time.LocalDate;

/**
 * The final figures a closure records: the project's earned value at the end of the closure date,
 * as the finance views show it once they have caught up with every event stored before the
 * closure was asked for. The earned value is read-side arithmetic, and the command side never
 * depends on the query side, so this port is implemented where both meet (the app module).
 * Figures recorded between this read and the closure's own commit (an expense booked at that very
 * moment) are not in them: they are what the finance views showed at closure.
 */
public interface ProjectFinalFigures {

    /**
     * @throws dev.portfolioledger.api.RuleViolation NOT_FOUND when the views know no such project,
     *                                               TIMEOUT when they do not catch up within the
     *                                               read-your-writes bound
     */
    FinalFigures at(ProjectId projectId, LocalDate statusDate);
}
