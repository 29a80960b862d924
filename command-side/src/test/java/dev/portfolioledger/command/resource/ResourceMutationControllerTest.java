package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.AllocateResourceCommand;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.RegisterResourceCommand;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.command.NewEntityIds;
import dev.portfolioledger.command.project.MoneyInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How resource mutations become commands: ids, shape checks and reasons. */
class ResourceMutationControllerTest {

    private static final String RESOURCE = "00000000-0000-0000-0000-0000000000e1";
    private static final String PROJECT = "00000000-0000-0000-0000-0000000000c1";
    private static final String PORTFOLIO = "00000000-0000-0000-0000-00000000000a";
    private static final LocalDate START = LocalDate.of(2027, 1, 4);
    private static final LocalDate END = LocalDate.of(2027, 1, 8);

    private final AuditedCommandGateway gateway = mock(AuditedCommandGateway.class);
    private final ResourceMutationController controller = new ResourceMutationController(gateway);

    private static void assertValidationFailed(ThrowingCallable mutation) {
        assertThatThrownBy(mutation).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void serverChoosesTheResourceIdWhenTheClientGivesNone() {
        var command = ArgumentCaptor.forClass(Object.class);
        var aggregateId = ArgumentCaptor.forClass(Object.class);

        controller.registerResource(new RegisterResourceInput(null, PORTFOLIO, "Ada", "Developer",
                List.of(new SkillInput("Java", 4)), 100, new MoneyInput(new BigDecimal("80.00"), "EUR"), START, null));

        verify(gateway).create(command.capture(), aggregateId.capture(), eq(null));
        assertThat(command.getValue()).isInstanceOfSatisfying(RegisterResourceCommand.class,
                registered -> assertThat(registered.resourceId()).isNotNull().isEqualTo(aggregateId.getValue()));
    }

    @Test
    void allocationCarriesTheNewIdBesideTheReceipt() {
        var receipt = new CommandReceipt(RESOURCE, 7, "corr-1");
        when(gateway.send(any(), any(), any())).thenReturn(receipt);
        String allocationId = "00000000-0000-0000-0000-0000000000a1";

        var result = controller.allocateResource(new AllocateResourceInput(RESOURCE, allocationId, PROJECT, 50,
                START, END, null, null));

        assertThat(result.getData()).isSameAs(receipt);
        assertThat(((graphql.GraphQLContext) result.getLocalContext()).<String>get(NewEntityIds.NEW_ID))
                .isEqualTo(allocationId);
        verify(gateway).send(new AllocateResourceCommand(ResourceId.of(RESOURCE), AllocationId.of(allocationId),
                ProjectId.of(PROJECT), 50, Period.of(START, END), false, null), ResourceId.of(RESOURCE), null);
    }

    @Test
    void reasonOfAnAllowedOverallocationIsTheOverallocationReason() {
        var command = ArgumentCaptor.forClass(Object.class);

        controller.allocateResource(new AllocateResourceInput(RESOURCE, null, PROJECT, 50, START, END, true,
                "Release week"));

        verify(gateway).send(command.capture(), any(), eq("Release week"));
        assertThat(command.getValue()).isInstanceOfSatisfying(AllocateResourceCommand.class, allocate -> {
            assertThat(allocate.allowOverallocation()).isTrue();
            assertThat(allocate.overallocationReason()).isEqualTo("Release week");
            assertThat(allocate.allocationId()).isNotNull();
        });
    }

    @Test
    void cannotOverallocateWithoutAReason() {
        assertValidationFailed(() -> controller.allocateResource(
                new AllocateResourceInput(RESOURCE, null, PROJECT, 50, START, END, true, " ")));
        verifyNoInteractions(gateway);
    }

    @Test
    void percentMustBeBetweenOneAndOneHundred() {
        assertValidationFailed(() -> controller.allocateResource(
                new AllocateResourceInput(RESOURCE, null, PROJECT, 0, START, END, false, null)));
        assertValidationFailed(() -> controller.allocateResource(
                new AllocateResourceInput(RESOURCE, null, PROJECT, 101, START, END, false, null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void periodCannotEndBeforeItStarts() {
        assertValidationFailed(() -> controller.allocateResource(
                new AllocateResourceInput(RESOURCE, null, PROJECT, 50, END, START, false, null)));
        assertValidationFailed(() -> controller.recordResourceLeave(
                new RecordResourceLeaveInput(RESOURCE, null, END, START, "Holiday")));
        verifyNoInteractions(gateway);
    }

    @Test
    void hoursMustBeMoreThanZeroAndAtMost24() {
        assertValidationFailed(() -> controller.logTime(
                new LogTimeInput(RESOURCE, null, PROJECT, START, new BigDecimal("24.01"), null, null)));
        assertValidationFailed(() -> controller.logTime(
                new LogTimeInput(RESOURCE, null, PROJECT, START, BigDecimal.ZERO, null, null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void reallocationNeedsAReasonAndTwoDifferentProjects() {
        assertValidationFailed(() -> controller.reallocateResource(
                new ReallocateResourceInput(RESOURCE, null, PROJECT, PROJECT, 10, START, END, "Priorities")));
        assertValidationFailed(() -> controller.reallocateResource(new ReallocateResourceInput(RESOURCE, null,
                PROJECT, "00000000-0000-0000-0000-0000000000c2", 10, START, END, null)));
        verifyNoInteractions(gateway);
    }

    @Test
    void malformedIdsAreRefusedBeforeAnyCommandIsSent() {
        assertValidationFailed(() -> controller.releaseResource(
                new ReleaseResourceInput(RESOURCE, "not-a-uuid", START, null)));
        assertValidationFailed(() -> controller.reverseTimeLog(new ReverseTimeLogInput("42", RESOURCE, "Typo")));
        verifyNoInteractions(gateway);
    }
}
