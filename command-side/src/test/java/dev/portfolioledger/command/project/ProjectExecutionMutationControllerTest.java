package dev.portfolioledger.command.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.CompleteMilestoneCommand;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ReportDeliverableProgressCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.command.Today;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** How execution mutations become commands: today (UTC) as the bound and default of their dates. */
class ProjectExecutionMutationControllerTest {

    private static final String PROJECT = "00000000-0000-0000-0000-0000000000c1";
    private static final String DELIVERABLE = "00000000-0000-0000-0000-0000000000d1";
    private static final String MILESTONE = "00000000-0000-0000-0000-0000000000e1";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private final AuditedCommandGateway gateway = mock(AuditedCommandGateway.class);
    private final ProjectExecutionMutationController controller = new ProjectExecutionMutationController(gateway,
            new Today(Clock.fixed(Instant.parse("2026-12-03T23:30:00Z"), ZoneOffset.UTC)));

    private void assertRefusedBeforeAnyCommand(ThrowingCallable mutation, String field) {
        assertThatThrownBy(mutation).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(violation.getMessage()).contains(field);
        });
        verifyNoInteractions(gateway);
    }

    @Test
    void theStatusDateIsTodayWhenOmitted() {
        controller.reportDeliverableProgress(new ReportDeliverableProgressInput(PROJECT, DELIVERABLE, 40, null, null));

        verify(gateway).send(new ReportDeliverableProgressCommand(ProjectId.of(PROJECT), DeliverableId.of(DELIVERABLE),
                40, TODAY, null), ProjectId.of(PROJECT), null);
    }

    @Test
    void aStatusDateAfterTodayIsRefused() {
        assertRefusedBeforeAnyCommand(() -> controller.reportDeliverableProgress(
                new ReportDeliverableProgressInput(PROJECT, DELIVERABLE, 40, TODAY.plusDays(1), null)), "reportedOn");
    }

    @Test
    void aMilestoneReachedTodayIsTaken() {
        controller.completeMilestone(new CompleteMilestoneInput(PROJECT, MILESTONE, TODAY, "Signed off"));

        verify(gateway).send(new CompleteMilestoneCommand(ProjectId.of(PROJECT), MilestoneId.of(MILESTONE), TODAY),
                ProjectId.of(PROJECT), "Signed off");
    }

    @Test
    void aMilestoneReachedAfterTodayIsRefused() {
        assertRefusedBeforeAnyCommand(() -> controller.completeMilestone(
                new CompleteMilestoneInput(PROJECT, MILESTONE, TODAY.plusDays(1), null)), "actualDate");
    }
}
