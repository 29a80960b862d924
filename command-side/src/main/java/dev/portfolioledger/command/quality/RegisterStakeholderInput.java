package dev.portfolioledger.command.quality;

import dev.portfolioledger.api.quality.CommunicationChannel;

/** GraphQL {@code RegisterStakeholderInput}; shape rules are checked by the details the command carries. */
public record RegisterStakeholderInput(String projectId, String stakeholderId, String name, String organisationRole,
                                       int interest, int influence, CommunicationChannel preferredChannel,
                                       Boolean mayAcceptDeliverables, String username, String reason) {
}
