package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.changerequest.ChangeRequestsAsOf;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.portfolio.PortfoliosAsOf;
import dev.portfolioledger.query.program.ProgramsAsOf;
import dev.portfolioledger.query.project.Budget;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.project.ProjectsAsOf;
import dev.portfolioledger.query.quality.ProjectQualityAsOf;
import dev.portfolioledger.query.resource.ResourcesAsOf;

import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The read model as it was at one instant, for one GraphQL request: every view as the decisions
 * recorded up to the instant made them, null (or absent from lists) before its aggregate existed.
 * Lists are ordered and paged as the live lists are, with the same cursors. It answers what each view
 * package reads at an instant (the {@code ...AsOf} interfaces they declare), so the views depend on
 * their own interface and not on the history behind it.
 *
 * <p>Two implementations answer alike: {@code StoredPointInTime} reads the versions the history
 * projection keeps (what requests use), {@link FoldedPointInTime} folds the stored events (the
 * reference, and what requests use while the history is being rebuilt).
 */
public interface PointInTime extends PortfoliosAsOf, ProgramsAsOf, ProjectsAsOf, ChangeRequestsAsOf,
        ResourcesAsOf, ProjectQualityAsOf {

    /**
     * The order of the live lists: name case-insensitively, then id (compared as its text, which
     * orders UUIDs as PostgreSQL does).
     */
    Comparator<NameKey> KEY_ORDER = Comparator.comparing(NameKey::sortName).thenComparing(k -> k.id().toString());

    @Override
    Instant instant();

    @Override
    default long recordTimeNanos() {
        return RecordTime.nanos(instant());
    }

    @Override
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
