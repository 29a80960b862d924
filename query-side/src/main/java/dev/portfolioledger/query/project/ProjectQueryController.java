package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.instant.AsOfReads;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfoliosAsOf;
import dev.portfolioledger.query.portfolio.Portfolios;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.program.ProgramsAsOf;
import dev.portfolioledger.query.program.Programs;
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
    static final String PROJECT_PORTFOLIO_LOADER = "projectPortfolio";
    static final String PROJECT_PROGRAM_LOADER = "projectProgram";
    static final String PORTFOLIO_PROJECT_COUNTS_LOADER = "portfolioProjectCounts";
    static final String PROGRAM_PROJECTS_LOADER = "programProjects";
    static final String PROGRAM_PROJECT_COUNTS_LOADER = "programProjectCounts";

    private final Projects projects;
    private final Portfolios portfolios;
    private final Programs programs;
    private final AsOfReads<? extends ProjectsAsOf> history;

    public ProjectQueryController(Projects projects, Portfolios portfolios, Programs programs,
                                  AsOfReads<? extends ProjectsAsOf> history,
                                  BatchLoaderRegistry batchLoaders) {
        this.projects = projects;
        this.portfolios = portfolios;
        this.programs = programs;
        this.history = history;
        // Portfolio.projects and Program.projects take paging arguments, which @BatchMapping cannot
        // see; a keyed loader still fetches the pages of all parents in a request with one query.
        // The other nested fields use named loaders too, because an as-of read must see the local
        // context first.
        batchLoaders.<PortfolioProjectsKey, Connection<ProjectView>>forName(PORTFOLIO_PROJECTS_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> projects.pagesByPortfolio(keys)));
        batchLoaders.<ProjectView, PortfolioView>forName(PROJECT_PORTFOLIO_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> portfoliosOf(List.copyOf(keys))));
        batchLoaders.<ProjectView, ProgramView>forName(PROJECT_PROGRAM_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> programsOf(List.copyOf(keys))));
        batchLoaders.<PortfolioView, ProjectStatusCounts>forName(PORTFOLIO_PROJECT_COUNTS_LOADER)
                .registerMappedBatchLoader((keys, env) ->
                        Mono.fromCallable(() -> portfolioProjectCountsOf(List.copyOf(keys))));
        batchLoaders.<ProgramProjectsKey, Connection<ProjectView>>forName(PROGRAM_PROJECTS_LOADER)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> projects.pagesByProgram(keys)));
        batchLoaders.<ProgramView, ProjectStatusCounts>forName(PROGRAM_PROJECT_COUNTS_LOADER)
                .registerMappedBatchLoader((keys, env) ->
                        Mono.fromCallable(() -> programProjectCountsOf(List.copyOf(keys))));
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public DataFetcherResult<ProjectView> project(@Argument String id, @Argument OffsetDateTime asOf) {
        ProjectId projectId = ProjectId.of(id);
        if (asOf == null) {
            return AsOfReads.result(projects.find(projectId).orElse(null), null);
        }
        ProjectsAsOf past = history.at(asOf);
        return AsOfReads.result(past.project(projectId), past);
    }

    @QueryMapping
    @PreAuthorize(Roles.READ_VIEWS)
    public DataFetcherResult<Connection<ProjectView>> projects(@Argument ProjectFilterInput filter,
                                                               @Argument Integer first, @Argument String after,
                                                               @Argument OffsetDateTime asOf) {
        ProjectFilter criteria = filter == null ? ProjectFilter.ALL : filter.toFilter();
        if (asOf == null) {
            return AsOfReads.result(projects.page(criteria, page(first, after)), null);
        }
        ProjectsAsOf past = history.at(asOf);
        return AsOfReads.result(past.projects(criteria, page(first, after)), past);
    }

    @SchemaMapping(typeName = "Project", field = "id")
    public String id(ProjectView project) {
        return project.id().toString();
    }

    @SchemaMapping(typeName = "Project", field = "portfolio")
    public CompletableFuture<PortfolioView> portfolio(ProjectView project, DataFetchingEnvironment environment) {
        PortfoliosAsOf past = AsOfReads.of(environment, PortfoliosAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.portfolio(project.portfolioId()));
        }
        return environment.<ProjectView, PortfolioView>getDataLoader(PROJECT_PORTFOLIO_LOADER).load(project);
    }

    @SchemaMapping(typeName = "Project", field = "program")
    public CompletableFuture<ProgramView> program(ProjectView project, DataFetchingEnvironment environment) {
        if (project.programId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        ProgramsAsOf past = AsOfReads.of(environment, ProgramsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.program(project.programId()));
        }
        return environment.<ProjectView, ProgramView>getDataLoader(PROJECT_PROGRAM_LOADER).load(project);
    }

    @SchemaMapping(typeName = "Portfolio", field = "projects")
    public CompletableFuture<Connection<ProjectView>> portfolioProjects(
            PortfolioView portfolio, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment environment) {
        PageRequest<NameKey> page = page(first, after);
        ProjectsAsOf past = AsOfReads.of(environment, ProjectsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.projectsOf(portfolio.id(), page));
        }
        DataLoader<PortfolioProjectsKey, Connection<ProjectView>> loader =
                environment.getDataLoader(PORTFOLIO_PROJECTS_LOADER);
        return loader.load(new PortfolioProjectsKey(portfolio.id(), page));
    }

    @SchemaMapping(typeName = "Portfolio", field = "projectCounts")
    public CompletableFuture<ProjectStatusCounts> portfolioProjectCounts(PortfolioView portfolio,
                                                                         DataFetchingEnvironment environment) {
        ProjectsAsOf past = AsOfReads.of(environment, ProjectsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.projectCounts(portfolio.id()));
        }
        return environment.<PortfolioView, ProjectStatusCounts>getDataLoader(PORTFOLIO_PROJECT_COUNTS_LOADER)
                .load(portfolio);
    }

    @SchemaMapping(typeName = "Program", field = "projects")
    public CompletableFuture<Connection<ProjectView>> programProjects(
            ProgramView program, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment environment) {
        PageRequest<NameKey> page = page(first, after);
        ProjectsAsOf past = AsOfReads.of(environment, ProjectsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.projectsOf(program.id(), page));
        }
        DataLoader<ProgramProjectsKey, Connection<ProjectView>> loader =
                environment.getDataLoader(PROGRAM_PROJECTS_LOADER);
        return loader.load(new ProgramProjectsKey(program.id(), page));
    }

    @SchemaMapping(typeName = "Program", field = "projectCounts")
    public CompletableFuture<ProjectStatusCounts> programProjectCounts(ProgramView program,
                                                                       DataFetchingEnvironment environment) {
        ProjectsAsOf past = AsOfReads.of(environment, ProjectsAsOf.class);
        if (past != null) {
            return CompletableFuture.completedFuture(past.projectCounts(program.id()));
        }
        return environment.<ProgramView, ProjectStatusCounts>getDataLoader(PROGRAM_PROJECT_COUNTS_LOADER)
                .load(program);
    }

    /** The live portfolio of each project, with one query. */
    Map<ProjectView, PortfolioView> portfoliosOf(List<ProjectView> projectList) {
        var found = portfolios.findAll(projectList.stream().map(ProjectView::portfolioId).toList());
        return projectList.stream().distinct().filter(p -> found.containsKey(p.portfolioId()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.portfolioId())));
    }

    /** The live program of each project that has one, with one query. */
    Map<ProjectView, ProgramView> programsOf(List<ProjectView> projectList) {
        var found = programs.findAll(projectList.stream().map(ProjectView::programId)
                                             .filter(Objects::nonNull).toList());
        return projectList.stream().distinct()
                .filter(p -> p.programId() != null && found.containsKey(p.programId()))
                .collect(Collectors.toMap(Function.identity(), p -> found.get(p.programId())));
    }

    Map<PortfolioView, ProjectStatusCounts> portfolioProjectCountsOf(List<PortfolioView> portfolioList) {
        var counts = projects.countByPortfolios(portfolioList.stream().map(PortfolioView::id).toList());
        return portfolioList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> counts.get(p.id())));
    }

    Map<ProgramView, ProjectStatusCounts> programProjectCountsOf(List<ProgramView> programList) {
        var counts = projects.countByPrograms(programList.stream().map(ProgramView::id).toList());
        return programList.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), p -> counts.get(p.id())));
    }

    private static PageRequest<NameKey> page(Integer first, String after) {
        return PageRequest.of(first, DEFAULT_PAGE_SIZE, after, cursor -> NameKey.fromCursor(Projects.LISTING, cursor));
    }
}
