package dev.portfolioledger.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedWritesTest {

    private final List<List<String>> flushes = new ArrayList<>();
    private final BatchedWrites<String> writes = new BatchedWrites<>("test", rows -> flushes.add(List.copyOf(rows)));

    @Test
    void normalBatchWritesAllRowsOnceWhenItCommits() {
        UnitOfWork<EventMessage<?>> batch = batchOf("a", "b", "c");
        List<Integer> flushesWhileHandling = new ArrayList<>();
        batch.executeWithResult(() -> {
            writes.add(CurrentUnitOfWork.get().getMessage().getPayload().toString(), CurrentUnitOfWork.get());
            flushesWhileHandling.add(flushes.size());
            return null;
        });
        assertThat(flushesWhileHandling).containsOnly(0);
        assertThat(flushes).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void isolatedBatchWritesEachEventsRowsInItsOwnInvocation() {
        UnitOfWork<EventMessage<?>> batch = batchOf("a", "b", "c");
        batch.resources().put(FailureIsolation.ISOLATED, Boolean.TRUE);
        List<Integer> flushesAfterEachEvent = new ArrayList<>();
        batch.executeWithResult(() -> {
            writes.add(CurrentUnitOfWork.get().getMessage().getPayload().toString(), CurrentUnitOfWork.get());
            flushesAfterEachEvent.add(flushes.size());
            return null;
        });
        assertThat(flushesAfterEachEvent).containsExactly(1, 2, 3);
        assertThat(flushes).containsExactly(List.of("a"), List.of("b"), List.of("c"));
    }

    @Test
    void rolledBackBatchWritesNothing() {
        UnitOfWork<EventMessage<?>> batch = batchOf("a", "b");
        batch.executeWithResult(() -> {
            writes.add("row", CurrentUnitOfWork.get());
            throw new IllegalStateException("refused");
        });
        assertThat(flushes).isEmpty();
    }

    @Test
    void deadLetterRetryWritesAtOnceInsideItsOuterUnitOfWork() {
        // a retry runs in a unit of work nested in the queue's: the retry is isolated, the outer one is not
        DefaultUnitOfWork<EventMessage<?>> outer = DefaultUnitOfWork.startAndGet(null);
        DefaultUnitOfWork<EventMessage<?>> retry =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("retried"));
        retry.resources().put(FailureIsolation.ISOLATED, Boolean.TRUE);
        writes.add("retried", retry);
        assertThat(flushes).containsExactly(List.of("retried"));
        retry.commit();
        outer.commit();
        assertThat(flushes).hasSize(1);
    }

    private static UnitOfWork<EventMessage<?>> batchOf(String... payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (String payload : payloads) {
            events.add(GenericEventMessage.asEventMessage(payload));
        }
        return new BatchingUnitOfWork<>(events);
    }
}
