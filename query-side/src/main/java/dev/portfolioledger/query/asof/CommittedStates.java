package dev.portfolioledger.query.asof;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a batch projection last committed per aggregate, kept in memory so that the next batch
 * need not read and deserialize the aggregate's rows again (during a rebuild that read was most of
 * a batch's cost). An entry is only ever a cache of the tables: it is used when the position the
 * batch reads from the table (in its own transaction) is the one the entry was committed at, so
 * another instance that took the segment over, a rolled-back batch or a reset can never make a
 * projection apply events to a state the tables do not hold; it is then read from the tables.
 *
 * <p>Entries are added when the unit of work that wrote them commits, never before. The least
 * recently used entries are dropped beyond {@code capacity} aggregates (0 keeps none), and each
 * entry is softly held: the garbage collector may drop any of them when memory runs short.
 *
 * @param <S> the state of one aggregate (immutable)
 */
public final class CommittedStates<S> {

    /** The state and the position (last sequence number) it was committed at. */
    public record Entry<S>(long lastSequence, S state) {
    }

    private final int capacity;
    private final Map<String, SoftReference<Entry<S>>> entries;

    public CommittedStates(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Entry<S>>> eldest) {
                return size() > CommittedStates.this.capacity;
            }
        };
    }

    /** The state committed at exactly {@code lastSequence}; null when none is held for it. */
    public synchronized S at(String aggregateId, long lastSequence) {
        SoftReference<Entry<S>> held = entries.get(aggregateId);
        Entry<S> entry = held == null ? null : held.get();
        return entry != null && entry.lastSequence() == lastSequence ? entry.state() : null;
    }

    /**
     * Holds the states once the current unit of work commits (or at once without one); dropped with
     * it on a rollback.
     */
    public void putOnCommit(Map<String, Entry<S>> committed) {
        if (capacity == 0 || committed.isEmpty()) {
            return;
        }
        Map<String, Entry<S>> copy = new HashMap<>(committed);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> putAll(copy));
        } else {
            putAll(copy);
        }
    }

    /** Forgets everything, e.g. when the projection's tables are reset. */
    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    private synchronized void putAll(Map<String, Entry<S>> committed) {
        committed.forEach((aggregateId, entry) -> entries.put(aggregateId, new SoftReference<>(entry)));
    }
}
