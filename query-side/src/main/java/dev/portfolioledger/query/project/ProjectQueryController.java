package dev.portfolioledger.query.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.Portfolios;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.Programs;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Project queries, the projects and status roll-ups of portfolios and programs, and the project
 * that project mutations return.
 */
@Controller
public class ProjectQueryController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final String PORTFOLIO_PROJECTS_LOADER = "portfolioProjects";

    private final Projects projects;
    private final Portfolios portfolios;
    private final Programs programs;
    private final ProjectionCatchUp catchUp;

    public ProjectQueryController(Projects projects, Portfolios portfolios, Programs programs,
                                  ProjectionCatchUp catchUp, BatchLoaderRegistry batchLoaders) {
        this.projects = projects;
        this.portfolios = portfolios;
        this.programs = programs;
        this.catchUp = catchUp;
        // Portfolio.projects takes paging arguments, which @BatchMapping cannot see; a keyed loader
        // still fetches the pages of all portfolios in a request with one query.
        batchLoaders.<PortfolioProjectsKey, Connection<ProjectView>>forName(PORTFOLIO_PROJECTS_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> projects.pagesByPortfolio(keys)));
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public ProjectView project(@Argument String id) {
        return projects.find(ProjectId.of(id)).orElse(null);
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public Connection<ProjectView> projects(@Argument ProjectFilterInput filter, @Argument Integer first,
                                            @Argument String after) {
        return projects.page(filter == null ? ProjectFilter.ALL : filter.toFilter(), page(first, after));
    }

    @SchemaMapping(typeName = "Project", field = "id")
    public String id(ProjectView project) {
        return project.id().toString();
    }

    @BatchMapping(typeName = "Project", field = "portfolio")
    public Map<ProjectView, PortfolioView> portfolio(List<ProjectView> projectList) {
        var found = portfolios.findAll(projectList.stream().map(ProjectView::portfolioId).toList());
        return projectList.stream().distinct().filter(p -> found.containsKey(p.portfolioId()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.portfolioId())));
    }

    @BatchMapping(typeName = "Project", field = "program")
    public Map<ProjectView, ProgramView> program(List<ProjectView> projectList) {
        var found = programs.findAll(projectList.stream().map(ProjectView::programId)
                                             .filter(Objects::nonNull).toList());
        return projectList.stream().distinct()
                .filter(p -> p.programId() != null && found.containsKey(p.programId()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.programId())));
    }

    @SchemaMapping(typeName = "Portfolio", field = "projects")
    public CompletableFuture<Connection<ProjectView>> portfolioProjects(
            PortfolioView portfolio, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment environment) {
        DataLoader<PortfolioProjectsKey, Connection<ProjectView>> loader =
                environment.getDataLoader(PORTFOLIO_PROJECTS_LOADER);
        return loader.load(new PortfolioProjectsKey(portfolio.id(), page(first, after)));
    }

    @BatchMapping(typeName = "Portfolio", field = "projectCounts")
    public Map<PortfolioView, ProjectStatusCounts> portfolioProjectCounts(List<PortfolioView> portfolioList) {
        var counts = projects.countByPortfolios(portfolioList.stream().map(PortfolioView::id).toList());
        return portfolioList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> counts.get(p.id())));
    }

    @BatchMapping(typeName = "Program", field = "projects")
    public Map<ProgramView, List<ProjectView>> programProjects(List<ProgramView> programList) {
        var found = projects.findByPrograms(programList.stream().map(ProgramView::id).toList());
        return programList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.id())));
    }

    @BatchMapping(typeName = "Program", field = "projectCounts")
    public Map<ProgramView, ProjectStatusCounts> programProjectCounts(List<ProgramView> programList) {
        var counts = projects.countByPrograms(programList.stream().map(ProgramView::id).toList());
        return programList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> counts.get(p.id())));
    }

    @SchemaMapping(typeName = "ProposeProjectPayload", field = "project")
    public ProjectView proposed(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ReviseProjectDetailsPayload", field = "project")
    public ProjectView revised(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ApproveProjectPayload", field = "project")
    public ProjectView approved(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "StartProjectPayload", field = "project")
    public ProjectView started(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "PutProjectOnHoldPayload", field = "project")
    public ProjectView putOnHold(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ResumeProjectPayload", field = "project")
    public ProjectView resumed(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "CancelProjectPayload", field = "project")
    public ProjectView cancelled(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "AddDeliverablePayload", field = "project")
    public ProjectView deliverableAdded(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ReviseDeliverablePayload", field = "project")
    public ProjectView deliverableRevised(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "RemoveDeliverablePayload", field = "project")
    public ProjectView deliverableRemoved(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ScheduleMilestonePayload", field = "project")
    public ProjectView milestoneScheduled(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ReviseMilestonePayload", field = "project")
    public ProjectView milestoneRevised(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "RemoveMilestonePayload", field = "project")
    public ProjectView milestoneRemoved(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "PlanBudgetLinePayload", field = "project")
    public ProjectView budgetLinePlanned(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "DefineProjectObjectivesPayload", field = "project")
    public ProjectView objectivesDefined(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "SubmitChangeRequestPayload", field = "project")
    public ProjectView changeRequestSubmitted(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "AssessChangeRequestPayload", field = "project")
    public ProjectView changeRequestAssessed(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "ApproveChangeRequestPayload", field = "project")
    public ProjectView changeRequestApproved(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "RejectChangeRequestPayload", field = "project")
    public ProjectView changeRequestRejected(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    @SchemaMapping(typeName = "WithdrawChangeRequestPayload", field = "project")
    public ProjectView changeRequestWithdrawn(CommandReceipt receipt) {
        return afterCatchUp(receipt);
    }

    private static PageRequest<NameKey> page(Integer first, String after) {
        return PageRequest.of(first, DEFAULT_PAGE_SIZE, after, cursor -> NameKey.fromCursor(Projects.LISTING, cursor));
    }

    /** Read your writes: the mutation's own change is in the view before it is returned. */
    private ProjectView afterCatchUp(CommandReceipt receipt) {
        catchUp.await(ProcessingGroups.VIEWS, receipt);
        return projects.find(ProjectId.of(receipt.aggregateId())).orElseThrow(() -> new RuleViolation(
                ErrorCode.VIEW_OUT_OF_DATE, "The change was stored, but the project view does not show it yet"));
    }
}
