package dev.portfolioledger.command.project;

import java.util.List;

/** GraphQL {@code DefineProjectObjectivesInput}: the complete list, replacing the current one. */
public record DefineProjectObjectivesInput(String projectId, List<String> objectives, String reason) {
}
