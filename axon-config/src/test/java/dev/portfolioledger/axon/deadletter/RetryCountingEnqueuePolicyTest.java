package dev.portfolioledger.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryCountingEnqueuePolicyTest {

    private final RetryCountingEnqueuePolicy policy = new RetryCountingEnqueuePolicy();

    @Test
    void parksEveryFailureWithTheInnermostMessage() {
        RuntimeException failure = new IllegalStateException("PreparedStatementCallback; SQL [INSERT ...]",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"));
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter(), failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> assertThat(cause)
                .hasMessage("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"));
    }

    @Test
    void countsRetriesFromZero() {
        DeadLetter<EventMessage<?>> parked = letter();
        DeadLetter<? extends EventMessage<?>> first =
                policy.decide(parked, new IllegalStateException("x")).withDiagnostics(parked);
        assertThat(first.diagnostics()).containsEntry(RetryCountingEnqueuePolicy.RETRIES, 0L);

        DeadLetter<? extends EventMessage<?>> retried =
                policy.decide(first, new IllegalStateException("x")).withDiagnostics(first);
        assertThat(retried.diagnostics()).containsEntry(RetryCountingEnqueuePolicy.RETRIES, 1L);
    }

    @Test
    void causeMessageLosesWhatPostgresCannotStore() {
        assertThat(RetryCountingEnqueuePolicy.storable("name Bad\0Name \ud800 lone, pair \ud83d\ude00 kept"))
                .isEqualTo("name BadName  lone, pair \ud83d\ude00 kept");
    }

    @Test
    void causeMessageFitsTheColumn() {
        String cut = RetryCountingEnqueuePolicy.storable("x".repeat(1022) + "\ud83d\ude00" + "y".repeat(50));
        assertThat(cut).hasSize(1022);
        assertThat(RetryCountingEnqueuePolicy.storable("y".repeat(5000))).hasSize(1023);
    }

    private static DeadLetter<EventMessage<?>> letter() {
        return new GenericDeadLetter<>("sequence", GenericEventMessage.asEventMessage("event"));
    }
}
