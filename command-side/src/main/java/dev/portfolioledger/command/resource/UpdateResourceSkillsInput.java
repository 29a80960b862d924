package dev.portfolioledger.command.resource;

import java.util.List;

/** GraphQL {@code UpdateResourceSkillsInput}. */
public record UpdateResourceSkillsInput(String resourceId, List<SkillInput> skills, String reason) {
}
