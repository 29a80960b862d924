package dev.portfolioledger.axon.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingContextInterceptorTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theHandlerLogsWithTheRequestCorrelationAndActorOfTheEventAndTheContextIsRestoredAfter() throws Exception {
        MDC.put(RequestIds.MDC_KEY, "outer-request");
        EventMessage<String> event = GenericEventMessage.<String>asEventMessage("renamed").andMetaData(MetaData.from(Map.of(
                AuditMetadata.REQUEST_ID, "req-1", AuditMetadata.CORRELATION_ID, "corr-1", AuditMetadata.ACTOR, "pm")));
        Map<String, String> seen = new HashMap<>();

        var unitOfWork = DefaultUnitOfWork.startAndGet(event);
        new LoggingContextInterceptor<EventMessage<?>>().handle(unitOfWork, () -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return null;
        });
        unitOfWork.commit();

        assertThat(seen).containsEntry("requestId", "req-1").containsEntry("correlationId", "corr-1")
                .containsEntry("actor", "pm");
        assertThat(MDC.get(RequestIds.MDC_KEY)).as("the outer request's id is back").isEqualTo("outer-request");
        assertThat(MDC.get("correlationId")).isNull();
        assertThat(MDC.get("actor")).isNull();
    }

    @Test
    void aMessageWithoutACorrelationIdStartsItsOwnChain() throws Exception {
        EventMessage<String> event = GenericEventMessage.asEventMessage("proposed");
        Map<String, String> seen = new HashMap<>();

        var unitOfWork = DefaultUnitOfWork.startAndGet(event);
        new LoggingContextInterceptor<EventMessage<?>>().handle(unitOfWork, () -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return null;
        });
        unitOfWork.commit();

        assertThat(seen).containsEntry("correlationId", event.getIdentifier()).doesNotContainKey("actor");
    }
}
