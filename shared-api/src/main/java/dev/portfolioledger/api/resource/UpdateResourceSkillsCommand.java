package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replace a resource's skills with these. */
public record UpdateResourceSkillsCommand(
        @TargetAggregateIdentifier ResourceId resourceId,
        List<Skill> skills) {

    public UpdateResourceSkillsCommand {
        Checks.required(resourceId, "resourceId");
        skills = Skill.checkedList(skills, "skills");
    }
}
