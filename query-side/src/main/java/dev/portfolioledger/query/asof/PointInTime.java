package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.project.ProjectFilter;
import dev.portfolioledger.query.changerequest.ChangeRequestFilter;
import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.changerequest.ChangeRequests;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.project.Budget;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectStatusCounts;
import dev.portfolioledger.query.project.ProjectView;

import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The read model as it was at one instant, for one GraphQL request: every view as the decisions
 * recorded up to the instant made it, null (or absent from lists) before its aggregate existed.
 * Lists are ordered and paged as the live lists are, with the same cursors.
 *
 * <p>Two implementations answer alike: {@code StoredPointInTime} reads the versions the history
 * projection keeps (what requests use), {@link FoldedPointInTime} folds the stored events (the
 * reference, and what requests use while the history is being rebuilt).
 */
public interface PointInTime {

    /**
     * The order of the live lists: name case-insensitively, then id (compared as its text, which
     * orders UUIDs as PostgreSQL does).
     */
    Comparator<NameKey> KEY_ORDER = Comparator.comparing(NameKey::sortName).thenComparing(k -> k.id().toString());

    Instant instant();

    PortfolioView portfolio(PortfolioId id);

    ProgramView program(ProgramId id);

    ProjectView project(ProjectId id);

    /** The project's plan (scope, schedule, budget lines, objectives, baseline version); null before its proposal. */
    ProjectPlan plan(ProjectId id);

    /** The project's change requests, newest submitted first. */
    List<ChangeRequestView> changeRequests(ProjectId id);

    /**
     * The project's budget: its lines and their total in the portfolio's currency (the lines'
     * currency if the portfolio is not known); null before the proposal.
     */
    default Budget budget(ProjectId id) {
        ProjectView project = project(id);
        ProjectPlan plan = plan(id);
        if (project == null || plan == null) {
            return null;
        }
        PortfolioView portfolio = portfolio(project.portfolioId());
        if (portfolio != null) {
            return Budget.of(plan.budget(), Currency.getInstance(portfolio.currency().trim()));
        }
        return plan.budget().isEmpty() ? null : Budget.of(plan.budget(), plan.budget().get(0).amount().currency());
    }

    /** A page of the programs of the portfolio that existed at the instant. */
    Connection<ProgramView> programsOf(PortfolioId portfolioId, PageRequest<NameKey> page);

    /** A page of the projects of the portfolio that existed at the instant, with or without a program. */
    Connection<ProjectView> projectsOf(PortfolioId portfolioId, PageRequest<NameKey> page);

    /** A page of the projects of the program that existed at the instant. */
    Connection<ProjectView> projectsOf(ProgramId programId, PageRequest<NameKey> page);

    /** A page of the projects that existed at the instant and match the filter as they were then, in live list order. */
    Connection<ProjectView> projects(ProjectFilter filter, PageRequest<NameKey> page);

    /**
     * The change requests across projects as they were at the instant, newest submitted first,
     * with the live inbox's order and keys ({@code page.after()}: the last row seen).
     */
    List<ChangeRequestView> changeRequestInbox(ChangeRequestFilter filter, PageRequest<ChangeRequests.InboxKey> page);

    ProjectStatusCounts projectCounts(PortfolioId portfolioId);

    ProjectStatusCounts projectCounts(ProgramId programId);

    /** The name as the lists compare it. */
    static String sortName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A page of {@code ordered} (in list order) with the live list's cursors: the rows after the
     * cursor's key, one more than asked to tell whether a next page exists.
     */
    static <V> Connection<V> pageOf(List<V> ordered, PageRequest<NameKey> page, Function<V, NameKey> key,
                                    String listing) {
        List<Edge<V>> fetched = ordered.stream()
                .filter(v -> page.after() == null || KEY_ORDER.compare(key.apply(v), page.after()) > 0)
                .limit(page.fetchSize())
                .map(v -> new Edge<>(key.apply(v).toCursor(listing), v))
                .toList();
        return Connection.of(fetched, page.first());
    }
}
