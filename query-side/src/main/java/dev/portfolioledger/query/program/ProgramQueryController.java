package dev.portfolioledger.query.program;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.Portfolios;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Program queries, a portfolio's programs, and the program that program mutations return. */
@Controller
public class ProgramQueryController {

    private final Programs programs;
    private final Portfolios portfolios;
    private final ProjectionCatchUp catchUp;

    public ProgramQueryController(Programs programs, Portfolios portfolios, ProjectionCatchUp catchUp) {
        this.programs = programs;
        this.portfolios = portfolios;
        this.catchUp = catchUp;
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public ProgramView program(@Argument String id) {
        return programs.find(ProgramId.of(id)).orElse(null);
    }

    @SchemaMapping(typeName = "Program", field = "id")
    public String id(ProgramView program) {
        return program.id().toString();
    }

    @BatchMapping(typeName = "Program", field = "portfolio")
    public Map<ProgramView, PortfolioView> portfolio(List<ProgramView> programList) {
        var found = portfolios.findAll(programList.stream().map(ProgramView::portfolioId).toList());
        return programList.stream().distinct().filter(p -> found.containsKey(p.portfolioId()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.portfolioId())));
    }

    @BatchMapping(typeName = "Portfolio", field = "programs")
    public Map<PortfolioView, List<ProgramView>> programs(List<PortfolioView> portfolioList) {
        var found = programs.findByPortfolios(portfolioList.stream().map(PortfolioView::id).toList());
        return portfolioList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> found.getOrDefault(p.id(), List.of())));
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
