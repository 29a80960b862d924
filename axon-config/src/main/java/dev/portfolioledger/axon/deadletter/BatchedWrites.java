package dev.portfolioledger.axon.deadletter;

import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rows a projection writes once per batch: collected in the batch's unit of work and handed to
 * the writer together when the batch prepares to commit (one statement for the batch, the fast
 * path for catch-up and replay).
 *
 * <p>While the batch runs isolated ({@link FailureIsolation}) each handler invocation writes its
 * own rows at once, inside its own savepoint: a row that PostgreSQL refuses then fails only the
 * event that produced it, which the dead-letter queue parks, instead of failing the whole batch
 * at commit, where no single event can be blamed.
 *
 * @param <T> the row type
 */
public final class BatchedWrites<T> {

    private final String resourceKey;
    private final Consumer<List<T>> writer;

    /**
     * @param name   names the batch's pending rows (unique per projection, e.g. its class name)
     * @param writer writes rows; called with every pending row of a batch, or one event's rows
     */
    public BatchedWrites(String name, Consumer<List<T>> writer) {
        this.resourceKey = BatchedWrites.class.getName() + "." + Objects.requireNonNull(name, "name");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Writes the row with its batch, or now when the unit of work runs isolated.
     *
     * @param unitOfWork the unit of work of the event handler invocation
     */
    public void add(T row, UnitOfWork<?> unitOfWork) {
        if (FailureIsolation.isolating(unitOfWork)) {
            writer.accept(List.of(row));
            return;
        }
        pendingIn(unitOfWork.root()).add(row);
    }

    private List<T> pendingIn(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(resourceKey, key -> {
            List<T> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> {
                if (!pending.isEmpty()) {
                    writer.accept(pending);
                }
            });
            return pending;
        });
    }
}
