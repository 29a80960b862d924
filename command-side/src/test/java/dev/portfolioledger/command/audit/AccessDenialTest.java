package dev.portfolioledger.command.audit;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.audit.AccessDenialId;
import dev.portfolioledger.api.audit.AccessDeniedEvent;
import dev.portfolioledger.api.audit.RecordAccessDenialCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessDenialTest {

    private final AccessDenialId denialId = new AccessDenialId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private final String target = "00000000-0000-0000-0000-0000000000b2";
    private final AggregateTestFixture<AccessDenial> fixture = new AggregateTestFixture<>(AccessDenial.class);

    @Test
    void canRecordARefusal() {
        fixture.givenNoPriorActivity()
                .when(new RecordAccessDenialCommand(denialId, "approveChangeRequest", target,
                        ErrorCode.SELF_APPROVAL_FORBIDDEN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccessDeniedEvent(denialId, "approveChangeRequest", target,
                        "SELF_APPROVAL_FORBIDDEN"));
    }

    @Test
    void canRecordARefusalWithoutTarget() {
        fixture.givenNoPriorActivity()
                .when(new RecordAccessDenialCommand(denialId, "auditTrail", null, ErrorCode.FORBIDDEN))
                .expectEvents(new AccessDeniedEvent(denialId, "auditTrail", null, "FORBIDDEN"));
    }

    @Test
    void cannotRecordATargetThatIsNoId() {
        assertThatThrownBy(() -> new RecordAccessDenialCommand(denialId, "project", "x\u0000", ErrorCode.FORBIDDEN))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void cannotRecordWithoutOperation() {
        assertThatThrownBy(() -> new RecordAccessDenialCommand(denialId, " ", target, ErrorCode.FORBIDDEN))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
