package dev.portfolioledger.query.asof;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommittedStatesTest {

    private final CommittedStates<String> states = new CommittedStates<>(2);

    @Test
    void holdsAStateOnlyOnceItsUnitOfWorkCommitted() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        states.putOnCommit(Map.of("a", new CommittedStates.Entry<>(3, "a@3")));
        assertThat(states.at("a", 3)).isNull();
        batch.commit();
        assertThat(states.at("a", 3)).isEqualTo("a@3");
    }

    @Test
    void forgetsWhatARolledBackUnitOfWorkWrote() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        states.putOnCommit(Map.of("a", new CommittedStates.Entry<>(3, "a@3")));
        batch.rollback();
        assertThat(states.at("a", 3)).isNull();
    }

    @Test
    void answersOnlyAtThePositionTheStateWasCommittedAt() {
        states.putOnCommit(Map.of("a", new CommittedStates.Entry<>(3, "a@3")));
        // the table moved on (another instance, a rebuild): the tables must be read again
        assertThat(states.at("a", 4)).isNull();
        assertThat(states.at("a", 2)).isNull();
        assertThat(states.at("b", 3)).isNull();
        assertThat(states.at("a", 3)).isEqualTo("a@3");
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        states.putOnCommit(Map.of("a", new CommittedStates.Entry<>(1, "a")));
        states.putOnCommit(Map.of("b", new CommittedStates.Entry<>(1, "b")));
        states.at("a", 1);
        states.putOnCommit(Map.of("c", new CommittedStates.Entry<>(1, "c")));
        assertThat(states.size()).isEqualTo(2);
        assertThat(states.at("a", 1)).isEqualTo("a");
        assertThat(states.at("b", 1)).isNull();
        assertThat(states.at("c", 1)).isEqualTo("c");
    }

    @Test
    void withCapacityZeroHoldsNothing() {
        CommittedStates<String> none = new CommittedStates<>(0);
        none.putOnCommit(Map.of("a", new CommittedStates.Entry<>(1, "a")));
        assertThat(none.at("a", 1)).isNull();
        assertThatThrownBy(() -> new CommittedStates<>(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearForgetsEverything() {
        states.putOnCommit(Map.of("a", new CommittedStates.Entry<>(1, "a")));
        states.clear();
        assertThat(states.at("a", 1)).isNull();
    }
}
