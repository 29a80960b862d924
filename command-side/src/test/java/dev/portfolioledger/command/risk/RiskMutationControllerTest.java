package dev.portfolioledger.command.risk;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.risk.CloseRiskCommand;
import dev.portfolioledger.api.risk.IdentifyRiskCommand;
import dev.portfolioledger.api.risk.ReassessRiskCommand;
import dev.portfolioledger.api.risk.RecordRiskOccurredCommand;
import dev.portfolioledger.api.risk.RiskId;
import dev.portfolioledger.api.risk.RiskResponse;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.command.NewEntityIds;
import graphql.GraphQLContext;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How risk mutations become commands to the project: a server-chosen risk id, reasons, the id in the payload. */
class RiskMutationControllerTest {

    private static final String PROJECT = "00000000-0000-0000-0000-0000000000c1";
    private static final String RISK = "00000000-0000-0000-0000-0000000000a1";

    private final AuditedCommandGateway gateway = mock(AuditedCommandGateway.class);
    private final RiskMutationController controller = new RiskMutationController(gateway);

    @Test
    void identifyingChoosesTheRiskIdAndReturnsItBesideTheReceipt() {
        when(gateway.send(any(), any(), any())).thenReturn(new CommandReceipt(PROJECT, 7, "corr-1"));
        var command = ArgumentCaptor.forClass(Object.class);

        var result = controller.identifyRisk(new IdentifyRiskInput(PROJECT, " Supplier late ", null, "Supplier", 3, 4,
                "Pia", RiskResponse.MITIGATE, null, LocalDate.of(2027, 2, 1), "Found in the kick-off"));

        verify(gateway).send(command.capture(), eq(ProjectId.of(PROJECT)), eq("Found in the kick-off"));
        IdentifyRiskCommand sent = (IdentifyRiskCommand) command.getValue();
        assertThat(sent.title()).isEqualTo("Supplier late");
        assertThat(result.getData().aggregateId()).isEqualTo(PROJECT);
        assertThat(((GraphQLContext) result.getLocalContext()).<String>get(NewEntityIds.NEW_ID))
                .isEqualTo(sent.riskId().toString());
    }

    @Test
    void theOtherMutationsNameTheRiskAndKeepTheReasonOnRecord() {
        when(gateway.send(any(), any(), any())).thenReturn(new CommandReceipt(PROJECT, 8, "corr-2"));
        var command = ArgumentCaptor.forClass(Object.class);

        var reassessed = controller.reassessRisk(new ReassessRiskInput(PROJECT, RISK, 2, 5, null, "Second supplier"));
        controller.closeRisk(new CloseRiskInput(PROJECT, RISK, "Delivered"));
        String changeRequest = "00000000-0000-0000-0000-0000000000f1";
        controller.recordRiskOccurred(new RecordRiskOccurredInput(PROJECT, RISK, "Two weeks late", changeRequest, null));

        verify(gateway).send(command.capture(), eq(ProjectId.of(PROJECT)), eq("Second supplier"));
        assertThat(command.getValue()).isEqualTo(new ReassessRiskCommand(ProjectId.of(PROJECT), RiskId.of(RISK), 2, 5,
                "Second supplier", null));
        verify(gateway).send(eq(new CloseRiskCommand(ProjectId.of(PROJECT), RiskId.of(RISK), "Delivered")),
                eq(ProjectId.of(PROJECT)), eq("Delivered"));
        verify(gateway).send(eq(new RecordRiskOccurredCommand(ProjectId.of(PROJECT), RiskId.of(RISK), "Two weeks late",
                ChangeRequestId.of(changeRequest))), eq(ProjectId.of(PROJECT)), eq(null));
        assertThat(((GraphQLContext) reassessed.getLocalContext()).<String>get(NewEntityIds.NEW_ID)).isEqualTo(RISK);
    }

    @Test
    void malformedIdsAreRefusedBeforeAnyCommand() {
        assertThatThrownBy(() -> controller.closeRisk(new CloseRiskInput(PROJECT, "risk-1", "Gone")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> controller.recordRiskOccurred(new RecordRiskOccurredInput(PROJECT, RISK, "Late",
                "cr-1", null))).isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        verifyNoInteractions(gateway);
    }
}
