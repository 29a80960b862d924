package dev.portfolioledger.command.project;

import dev.portfolioledger.api.project.Methodology;

import java.time.LocalDate;

/** GraphQL {@code ReviseProjectDetailsInput}: the complete new details, not a patch. */
public record ReviseProjectDetailsInput(String projectId, String name, String description, String manager,
                                        String sponsor, Methodology methodology, LocalDate plannedStart,
                                        LocalDate plannedFinish, String reason) {
}
