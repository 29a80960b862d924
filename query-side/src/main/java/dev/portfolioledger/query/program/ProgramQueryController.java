package dev.portfolioledger.query.program;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfoliosAsOf;
import dev.portfolioledger.query.portfolio.Portfolios;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Program queries (live or as of a past instant), a portfolio's programs (paged), and the program that
 * program mutations return. Live nested fields are read for the whole request at once through
 * named data loaders; as-of ones come from the request's {@link ProgramsAsOf} and {@link PortfoliosAsOf}.
 */
@Controller
public class ProgramQueryController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final String PROGRAM_PORTFOLIO_LOADER = "programPortfolio";
    static final String PORTFOLIO_PROGRAMS_LOADER = "portfolioPrograms";

    private final Programs programs;
    private final Portfolios portfolios;
    private final ProjectionCatchUp catchUp;
    private final AsOfReads<? extends ProgramsAsOf> history;

    public ProgramQueryController(Programs programs, Portfolios portfolios, ProjectionCatchUp catchUp,
                                  AsOfReads<? extends ProgramsAsOf> history, BatchLoaderRegistry batchLoaders) {
        this.programs = programs;
        this.portfolios = portfolios;
        this.catchUp = catchUp;
        this.history = history;
        batchLoaders.<ProgramView, PortfolioView>forName(PROGRAM_PORTFOLIO_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> portfoliosOf(new ArrayList<>(keys))));
        batchLoaders.<PortfolioProgramsKey, Connection<ProgramView>>forName(PORTFOLIO_PROGRAMS_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> programs.pagesByPortfolio(keys)));
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public DataFetcherResult<ProgramView> program(@Argument String id, @Argument OffsetDateTime asOf) {
        ProgramId programId = ProgramId.of(id);
        if (asOf == null) {
            return AsOfReads.result(programs.find(programId).orElse(null), null);
        }
        ProgramsAsOf past = history.at(asOf);
        return AsOfReads.result(past.program(programId), past);
    }

    @SchemaMapping(typeName = "Program", field = "id")
    public String id(ProgramView program) {
        return program.id().toString();
    }

    @SchemaMapping(typeName = "Program", field = "portfolio")
    public CompletableFuture<PortfolioView> portfolio(ProgramView program, DataFetchingEnvironment environment) {
        PortfoliosAsOf past = AsOfReads.of(environment, PortfoliosAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.portfolio(program.portfolioId()));
        }
        DataLoader<ProgramView, PortfolioView> loader = environment.getDataLoader(PROGRAM_PORTFOLIO_LOADER);
        return loader.load(program);
    }

    @SchemaMapping(typeName = "Portfolio", field = "programs")
    public CompletableFuture<Connection<ProgramView>> programs(PortfolioView portfolio, @Argument Integer first,
                                                               @Argument String after,
                                                               DataFetchingEnvironment environment) {
        PageRequest<NameKey> page = PageRequest.of(first, DEFAULT_PAGE_SIZE, after,
                cursor -> NameKey.fromCursor(Programs.LISTING, cursor));
        ProgramsAsOf past = AsOfReads.of(environment, ProgramsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.programsOf(portfolio.id(), page));
        }
        DataLoader<PortfolioProgramsKey, Connection<ProgramView>> loader =
                environment.getDataLoader(PORTFOLIO_PROGRAMS_LOADER);
        return loader.load(new PortfolioProgramsKey(portfolio.id(), page));
    }

    /** The live portfolio of each program, with one query. */
    Map<ProgramView, PortfolioView> portfoliosOf(List<ProgramView> programList) {
        var found = portfolios.findAll(programList.stream().map(ProgramView::portfolioId).toList());
        return programList.stream().distinct().filter(p -> found.containsKey(p.portfolioId()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.portfolioId())));
    }

    @SchemaMapping(typeName = "CreateProgramPayload", field = "program")
    public ProgramView created(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "RenameProgramPayload", field = "program")
    public ProgramView renamed(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "CloseProgramPayload", field = "program")
    public ProgramView closed(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    /** Read your writes: the mutation's own change is in the view before it is returned. */
    private ProgramView afterCatchUp(CommandReceipt receipt) {
        catchUp.await(ProcessingGroups.VIEWS, receipt);
        return programs.find(ProgramId.of(receipt.aggregateId())).orElseThrow(() -> new RuleViolation(
                ErrorCode.VIEW_OUT_OF_DATE, "The change was stored, but the program view does not show it yet"));
    }
}
