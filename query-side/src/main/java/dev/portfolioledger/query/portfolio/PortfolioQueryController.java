package dev.portfolioledger.query.portfolio;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import graphql.execution.DataFetcherResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.time.OffsetDateTime;

/** Portfolio queries (live or as of a past instant), and the portfolio that portfolio mutations return. */
@Controller
public class PortfolioQueryController {

    static final int DEFAULT_PAGE_SIZE = 20;

    private final Portfolios portfolios;
    private final ProjectionCatchUp catchUp;
    private final AsOfReads<? extends PortfoliosAsOf> history;

    public PortfolioQueryController(Portfolios portfolios, ProjectionCatchUp catchUp,
                                    AsOfReads<? extends PortfoliosAsOf> history) {
        this.portfolios = portfolios;
        this.catchUp = catchUp;
        this.history = history;
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public Connection<PortfolioView> portfolios(@Argument Integer first, @Argument String after) {
        return portfolios.page(PageRequest.of(first, DEFAULT_PAGE_SIZE, after,
                cursor -> NameKey.fromCursor(Portfolios.LISTING, cursor)));
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public DataFetcherResult<PortfolioView> portfolio(@Argument String id, @Argument OffsetDateTime asOf) {
        PortfolioId portfolioId = PortfolioId.of(id);
        if (asOf == null) {
            return AsOfReads.result(portfolios.find(portfolioId).orElse(null), null);
        }
        PortfoliosAsOf past = history.at(asOf);
        return AsOfReads.result(past.portfolio(portfolioId), past);
    }

    @SchemaMapping(typeName = "Portfolio", field = "id")
    public String id(PortfolioView portfolio) {
        return portfolio.id().toString();
    }

    @SchemaMapping(typeName = "CreatePortfolioPayload", field = "portfolio")
    public PortfolioView created(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "RenamePortfolioPayload", field = "portfolio")
    public PortfolioView renamed(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ArchivePortfolioPayload", field = "portfolio")
    public PortfolioView archived(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    /** Read your writes: the mutation's own change is in the view before it is returned. */
    private PortfolioView afterCatchUp(CommandReceipt receipt) {
        catchUp.await(ProcessingGroups.VIEWS, receipt);
        return portfolios.find(PortfolioId.of(receipt.aggregateId())).orElseThrow(() -> new RuleViolation(
                ErrorCode.VIEW_OUT_OF_DATE, "The change was stored, but the portfolio view does not show it yet"));
    }
}
