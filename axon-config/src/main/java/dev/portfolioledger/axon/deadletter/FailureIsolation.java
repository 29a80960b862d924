package dev.portfolioledger.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides which event handler invocations run isolated, each inside a savepoint of the batch's
 * transaction (see {@link IsolatingHandlerEnhancer}).
 *
 * <p>Why: a database error aborts the whole PostgreSQL transaction. Axon's dead-letter queue
 * catches the failing handler's exception and inserts the letter, but into that aborted
 * transaction, so the insert fails too, the batch rolls back, and the processor retries the same
 * batch forever. Savepoints on every invocation would fix that at the price of two round trips
 * per event, which replay cannot afford. So a segment runs normally until one of its batches
 * rolls back; its next batches then run isolated (the failing event rolls back to its savepoint,
 * is dead-lettered in the still-valid transaction, the rest commit) until
 * {@code batchesToIsolate} of them have committed. Retries of dead letters always run isolated:
 * a letter that still fails must have its retry recorded in the same transaction.
 *
 * <p>State is per processor and segment and lives in memory: after a restart the first attempt
 * runs normally once more, fails, and the next one isolates.
 */
public class FailureIsolation {

    /** Unit-of-work resource: present when the handlers of this unit of work run isolated. */
    static final String ISOLATED = FailureIsolation.class.getName() + ".isolated";
    private static final String SEEN = FailureIsolation.class.getName() + ".seen";

    private final int batchesToIsolate;
    private final ConcurrentMap<String, Integer> isolatedBatchesLeft = new ConcurrentHashMap<>();

    /** @param batchesToIsolate how many batches must commit isolated before a segment runs normally again */
    public FailureIsolation(int batchesToIsolate) {
        if (batchesToIsolate < 1) {
            throw new IllegalArgumentException("batchesToIsolate must be at least 1");
        }
        this.batchesToIsolate = batchesToIsolate;
    }

    /** Whether the handlers of the current unit of work run isolated. */
    public static boolean isolating() {
        return CurrentUnitOfWork.isStarted() && isolating(CurrentUnitOfWork.get());
    }

    /** Whether the handlers of this unit of work run isolated. */
    public static boolean isolating(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(ISOLATED);
    }

    /** Whether this processor segment's next batch runs isolated. */
    public boolean isIsolating(String processorName, int segmentId) {
        return isolatedBatchesLeft.containsKey(key(processorName, segmentId));
    }

    /**
     * The handler interceptor of one streaming processor: it sees every event of every batch
     * (and of every dead-letter retry) before the dead-letter queue does.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String processorName) {
        String segmentResource = "Processor[" + processorName + "]/SegmentId";
        return (unitOfWork, chain) -> intercept(processorName, segmentResource, unitOfWork, chain);
    }

    private Object intercept(String processorName, String segmentResource,
                             UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain chain) throws Exception {
        if (unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            unitOfWork.resources().put(ISOLATED, Boolean.TRUE);
        } else if (!unitOfWork.resources().containsKey(SEEN)) {
            // the first event of a batch; subscribing processors carry no segment and are left alone
            Object segmentId = unitOfWork.getResource(segmentResource);
            if (segmentId instanceof Integer segment) {
                unitOfWork.resources().put(SEEN, Boolean.TRUE);
                String key = key(processorName, segment);
                if (isolatedBatchesLeft.containsKey(key)) {
                    unitOfWork.resources().put(ISOLATED, Boolean.TRUE);
                    unitOfWork.afterCommit(committed -> isolatedBatchCommitted(key));
                }
                unitOfWork.onRollback(failed -> isolatedBatchesLeft.put(key, batchesToIsolate));
            }
        }
        return chain.proceed();
    }

    private void isolatedBatchCommitted(String key) {
        isolatedBatchesLeft.computeIfPresent(key, (k, left) -> left > 1 ? left - 1 : null);
    }

    private static String key(String processorName, int segmentId) {
        return processorName + "#" + segmentId;
    }
}
