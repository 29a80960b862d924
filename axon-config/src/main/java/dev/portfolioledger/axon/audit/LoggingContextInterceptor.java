package dev.portfolioledger.axon.audit;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the request id, correlation id and actor of the message being handled into the logging context
 * (MDC) for as long as its handler runs, on the command bus and in every event processor, so that every
 * log line written while a change is decided or applied to a view names the request and the decision it
 * belongs to (JSON logs: README, Metrics and logs). What was in the context before is put back after.
 */
public class LoggingContextInterceptor<T extends Message<?>> implements MessageHandlerInterceptor<T> {

    static final String CORRELATION_ID = AuditMetadata.CORRELATION_ID;
    static final String ACTOR = AuditMetadata.ACTOR;

    @Override
    public Object handle(UnitOfWork<? extends T> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Map<String, String> previous = new HashMap<>();
        put(previous, RequestIds.MDC_KEY, message.getMetaData().get(AuditMetadata.REQUEST_ID));
        Object correlation = message.getMetaData().get(AuditMetadata.CORRELATION_ID);
        put(previous, CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        put(previous, ACTOR, message.getMetaData().get(AuditMetadata.ACTOR));
        try {
            return interceptorChain.proceed();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    private static void put(Map<String, String> previous, String key, Object value) {
        if (value == null) {
            return;
        }
        previous.put(key, MDC.get(key));
        MDC.put(key, value.toString());
    }
}
