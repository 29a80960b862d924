package dev.portfolioledger.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailureIsolationTest {

    private static final String PROCESSOR = "views";

    private final FailureIsolation isolation = new FailureIsolation(2);
    private final MessageHandlerInterceptor<EventMessage<?>> interceptor = isolation.interceptorFor(PROCESSOR);

    @Test
    void batchesRunNormallyWhileNothingFailed() {
        assertThat(batch(0, false)).containsOnly(false);
        assertThat(batch(0, false)).containsOnly(false);
    }

    @Test
    void batchesAfterAFailedOneRunIsolatedUntilEnoughCommitted() {
        batch(0, false);
        assertThat(batch(0, true)).containsOnly(false);
        assertThat(isolation.isIsolating(PROCESSOR, 0)).isTrue();

        assertThat(batch(0, false)).as("first after the failure").containsOnly(true);
        assertThat(batch(0, false)).as("second after the failure").containsOnly(true);
        assertThat(batch(0, false)).as("third: back to normal").containsOnly(false);
        assertThat(isolation.isIsolating(PROCESSOR, 0)).isFalse();
    }

    @Test
    void aFailingIsolatedBatchStartsTheCountAgain() {
        batch(0, true);
        batch(0, false);
        assertThat(batch(0, true)).containsOnly(true);
        assertThat(batch(0, false)).containsOnly(true);
        assertThat(batch(0, false)).containsOnly(true);
        assertThat(batch(0, false)).containsOnly(false);
    }

    @Test
    void otherSegmentsKeepRunningNormally() {
        batch(0, true);
        assertThat(batch(1, false)).containsOnly(false);
        assertThat(batch(0, false)).containsOnly(true);
    }

    @Test
    void deadLetterRetriesAlwaysRunIsolated() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("retried");
        DefaultUnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(event);
        retry.resources().put(DeadLetter.class.getName(), new GenericDeadLetter<>("sequence", event));
        List<Boolean> isolated = new ArrayList<>();
        interceptor.handle(retry, () -> isolated.add(FailureIsolation.isolating()));
        retry.commit();
        assertThat(isolated).containsExactly(true);
    }

    @Test
    void subscribingProcessorsAreLeftAlone() throws Exception {
        // no segment: a subscribing processor handles events in the publishing unit of work
        for (int i = 0; i < 2; i++) {
            EventMessage<?> event = GenericEventMessage.asEventMessage("published");
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            List<Boolean> isolated = new ArrayList<>();
            interceptor.handle(unitOfWork, () -> isolated.add(FailureIsolation.isolating()));
            unitOfWork.rollback();
            assertThat(isolated).containsExactly(false);
        }
    }

    /** Runs a batch of three events of the segment; answers, per event, whether it ran isolated. */
    private List<Boolean> batch(int segment, boolean failsOnLast) {
        List<EventMessage<?>> events = List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"), GenericEventMessage.asEventMessage("c"));
        UnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.resources().put("Processor[" + PROCESSOR + "]/SegmentId", segment);
        List<Boolean> isolated = new ArrayList<>();
        batch.executeWithResult(() -> interceptor.handle(batch, () -> {
            isolated.add(FailureIsolation.isolating());
            if (failsOnLast && isolated.size() == events.size()) {
                throw new IllegalStateException("the database refused the last event");
            }
            return null;
        }));
        assertThat(batch.isRolledBack()).isEqualTo(failsOnLast);
        return isolated;
    }
}
