package dev.portfolioledger.command.operations;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.operations.DeadLetterSkipId;
import dev.portfolioledger.api.operations.DeadLetterSkippedEvent;
import dev.portfolioledger.api.operations.SkipDeadLetterCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterSkipTest {

    private final DeadLetterSkipId skipId = DeadLetterSkipId.of("00000000-0000-0000-0000-0000000000d1");
    private final AggregateTestFixture<DeadLetterSkip> fixture = new AggregateTestFixture<>(DeadLetterSkip.class);

    @Test
    void canRecordTheDecisionToSkipADeadLetter() {
        fixture.givenNoPriorActivity()
                .when(new SkipDeadLetterCommand(skipId, "views", "agg-1", "event-1", "ProgramRenamedEvent"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeadLetterSkippedEvent(skipId, "views", "agg-1", "event-1", "ProgramRenamedEvent"));
    }

    @Test
    void cannotSkipWithoutNamingTheSequence() {
        assertThatThrownBy(() -> new SkipDeadLetterCommand(skipId, "views", " ", "event-1", "ProgramRenamedEvent"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code())
                                .isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
