package dev.portfolioledger.query.asof;

import dev.portfolioledger.query.changerequest.ChangeRequestView;
import dev.portfolioledger.query.portfolio.PortfolioView;
import dev.portfolioledger.query.program.ProgramView;
import dev.portfolioledger.query.project.ProjectPlan;
import dev.portfolioledger.query.project.ProjectView;
import dev.portfolioledger.query.quality.ProjectQualityView;
import dev.portfolioledger.query.resource.ResourceView;

import java.util.Objects;
import java.util.UUID;

/**
 * One version of one view, as the history projection builds it within a batch: the view record
 * and the interval of record time it holds for. Mutable only inside the batch that writes it.
 */
final class ViewVersion {

    /** A current (open-ended) version as committed: what the next batch continues from. */
    record Open(ViewKey key, Object view, long fromNs, long fromIndex, long sequence) {
    }

    final ViewKey key;
    final String aggregateId;
    final long fromNs;
    final long fromIndex;
    long toNs;
    Long toIndex;
    long sequence;
    Object view;
    /** Whether the row is in the table already (an update), or new in this batch (an insert). */
    final boolean stored;
    /** Whether a stored row's document changed (a later event of the same decision), not only its end. */
    boolean amended;

    private ViewVersion(ViewKey key, String aggregateId, Object view, long fromNs, long fromIndex, long toNs,
                        Long toIndex, long sequence, boolean stored) {
        this.key = Objects.requireNonNull(key, "key");
        this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
        this.view = Objects.requireNonNull(view, "view");
        this.fromNs = fromNs;
        this.fromIndex = fromIndex;
        this.toNs = toNs;
        this.toIndex = toIndex;
        this.sequence = sequence;
        this.stored = stored;
    }

    /** A current version read from the table (or held as committed). */
    static ViewVersion stored(String aggregateId, Open open) {
        return new ViewVersion(open.key(), aggregateId, open.view(), open.fromNs(), open.fromIndex(), RecordTime.OPEN,
                               null, open.sequence(), true);
    }

    /** A new current version, to be inserted. */
    static ViewVersion created(ViewKey key, String aggregateId, Object view, long fromNs, long fromIndex,
                               long sequence) {
        return new ViewVersion(key, aggregateId, view, fromNs, fromIndex, RecordTime.OPEN, null, sequence, false);
    }

    /** This version with the view a later event of the same decision made. */
    void amend(Object changed) {
        view = Objects.requireNonNull(changed, "view");
        amended = true;
    }

    Open open() {
        return new Open(key, view, fromNs, fromIndex, sequence);
    }

    /** The listing parent: a program's, project's or resource's portfolio, a change request's project. */
    UUID parentId() {
        if (view instanceof ProgramView v) {
            return v.portfolioId().value();
        }
        if (view instanceof ProjectView v) {
            return v.portfolioId().value();
        }
        if (view instanceof ChangeRequestView v) {
            return v.projectId().value();
        }
        if (view instanceof ResourceView v) {
            return v.portfolioId().value();
        }
        return null;
    }

    UUID programId() {
        return view instanceof ProjectView v && v.programId() != null ? v.programId().value() : null;
    }

    /**
     * The name lists order by (lowered by PostgreSQL, as the live lists are); for a change request
     * its submission key; null for views not listed.
     */
    String name() {
        if (view instanceof ChangeRequestView v) {
            return submittedKey(v.submittedAt());
        }
        if (view instanceof PortfolioView v) {
            return v.name();
        }
        if (view instanceof ProgramView v) {
            return v.name();
        }
        if (view instanceof ProjectView v) {
            return v.name();
        }
        if (view instanceof ResourceView v) {
            return v.name();
        }
        return null;
    }

    /**
     * The list key of a change request version: its submission instant as 20 digits of epoch
     * nanoseconds, so that text order is time order (the inbox lists newest submitted first).
     */
    static String submittedKey(java.time.Instant submittedAt) {
        return String.format("%020d", RecordTime.nanos(submittedAt));
    }

    String status() {
        if (view instanceof PortfolioView v) {
            return v.status().name();
        }
        if (view instanceof ProgramView v) {
            return v.status().name();
        }
        if (view instanceof ProjectView v) {
            return v.status().name();
        }
        if (view instanceof ChangeRequestView v) {
            return v.status().name();
        }
        if (view instanceof ResourceView v) {
            return v.status().name();
        }
        if (view instanceof ProjectPlan || view instanceof ProjectQualityView) {
            return null;
        }
        throw new IllegalStateException("Not a view with history: " + view.getClass().getName());
    }
}
