package dev.portfolioledger.command.quality;

import dev.portfolioledger.api.quality.CommunicationChannel;

/** GraphQL {@code UpdateStakeholderInput}: the complete new details, replacing the current ones. */
public record UpdateStakeholderInput(String projectId, String stakeholderId, String name, String organisationRole,
                                     int interest, int influence, CommunicationChannel preferredChannel,
                                     Boolean mayAcceptDeliverables, String username, String reason) {
}
