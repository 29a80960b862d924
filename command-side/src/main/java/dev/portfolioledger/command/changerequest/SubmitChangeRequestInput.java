package dev.portfolioledger.command.changerequest;

import java.util.List;

/** GraphQL {@code SubmitChangeRequestInput}; shape rules are checked by the command it becomes. */
public record SubmitChangeRequestInput(String projectId, String changeRequestId, String title, String justification,
                                       List<ProposedChangeInput> changes, String reason) {
}
