package dev.portfolioledger.app.finance;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.FinalFigures;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.command.project.ProjectFinalFigures;
import dev.portfolioledger.query.finance.EarnedValueFigures;
import dev.portfolioledger.query.finance.EarnedValueQueryController;
import dev.portfolioledger.query.finance.EarnedValueReads;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * A closure's final figures from the earned value read side: once the finance views (group
 * {@code views}) have caught up with the event store's head, the project's totals at the end of
 * the closure date, exactly as {@code Project.earnedValue(at)} answers them live.
 */
@Component
class EarnedValueFinalFigures implements ProjectFinalFigures {

    private final ProjectionCatchUp catchUp;
    private final EarnedValueReads reads;
    private final EarnedValueQueryController earnedValue;

    EarnedValueFinalFigures(ProjectionCatchUp catchUp, EarnedValueReads reads, EarnedValueQueryController earnedValue) {
        this.catchUp = catchUp;
        this.reads = reads;
        this.earnedValue = earnedValue;
    }

    @Override
    public FinalFigures at(ProjectId projectId, LocalDate statusDate) {
        catchUp.awaitHead(ProcessingGroups.VIEWS);
        if (reads.project(projectId.value()).isEmpty()) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "No project " + projectId);
        }
        EarnedValueFigures totals = earnedValue.projectEarnedValue(projectId.value(), statusDate,
                                                                   EarnedValueReads.LIVE).totals();
        return new FinalFigures(totals.currency(), totals.budgetAtCompletionAmount(), totals.actualCostAmount(),
                                totals.earnedValueAmount(), totals.plannedValueAmount(),
                                totals.costPerformanceIndex(), totals.schedulePerformanceIndex());
    }
}
