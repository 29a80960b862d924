package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replace the objectives of a proposed project. */
public record DefineProjectObjectivesCommand(@TargetAggregateIdentifier ProjectId projectId, List<String> objectives)
        implements PlanningCommand {

    public static final int MAX_OBJECTIVES = 50;

    public DefineProjectObjectivesCommand {
        Checks.required(projectId, "projectId");
        objectives = Checks.texts(objectives, "objectives", MAX_OBJECTIVES);
    }
}
