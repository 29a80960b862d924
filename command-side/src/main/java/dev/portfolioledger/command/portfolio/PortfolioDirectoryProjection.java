package dev.portfolioledger.command.portfolio;

import dev.portfolioledger.api.portfolio.PortfolioArchivedEvent;
import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the portfolio directory's status in step with the events. Its group is subscribing, so
 * this runs in the archiving command's transaction and the directory is never behind.
 * Registration and names are written by {@link PortfolioCommandHandler} before any event exists,
 * because a name conflict found here would roll back an event insert and leave a gap.
 */
@Component
@ProcessingGroup(ProcessingGroups.COMMAND_LOOKUPS)
class PortfolioDirectoryProjection {

    private final PortfolioDirectory directory;

    PortfolioDirectoryProjection(PortfolioDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(PortfolioArchivedEvent event) {
        directory.markArchived(event.portfolioId());
    }
}
