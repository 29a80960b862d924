package dev.portfolioledger.command.resource;

/** GraphQL {@code SkillInput}; checked by the command it becomes part of. */
public record SkillInput(String name, int level) {
}
