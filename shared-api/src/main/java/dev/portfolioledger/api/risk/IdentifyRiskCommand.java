package dev.portfolioledger.api.risk;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Put a new risk on an open project's register, OPEN, with its first assessment.
 *
 * @param category     what kind of risk (free text of one line: "Supplier", "Technical", ...)
 * @param responsePlan what the response consists of; optional
 * @param reviewDate   when the risk is to be looked at again
 */
public record IdentifyRiskCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        RiskId riskId,
        String title,
        String description,
        String category,
        int probability,
        int impact,
        String owner,
        RiskResponse response,
        String responsePlan,
        LocalDate reviewDate) implements RiskCommand {

    public IdentifyRiskCommand {
        Checks.required(projectId, "projectId");
        Checks.required(riskId, "riskId");
        title = Checks.name(title, "title");
        description = Checks.optionalText(description, "description", Checks.TEXT_MAX);
        category = Checks.name(category, "category");
        RiskScale.rating(probability, "probability");
        RiskScale.rating(impact, "impact");
        owner = Checks.person(owner, "owner");
        Checks.required(response, "response");
        responsePlan = Checks.optionalText(responsePlan, "responsePlan", Checks.TEXT_MAX);
        Checks.date(reviewDate, "reviewDate");
    }
}
