package dev.portfolioledger.command.resource;

import dev.portfolioledger.command.project.MoneyInput;

import java.time.LocalDate;
import java.util.List;

/** GraphQL {@code RegisterResourceInput}; shape rules are checked by the command it becomes. */
public record RegisterResourceInput(String resourceId, String portfolioId, String name, String role,
                                    List<SkillInput> skills, int capacityPercent, MoneyInput costRate,
                                    LocalDate rateEffectiveFrom, String reason) {
}
