package dev.portfolioledger.command.finance;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.finance.ReverseCostCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.command.NewEntityIds;
import dev.portfolioledger.command.Today;
import dev.portfolioledger.command.project.MoneyInput;
import graphql.GraphQLContext;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** How ledger mutations become commands: the ledger's id, server-chosen entry ids, dates and the receipt. */
class CostLedgerMutationControllerTest {

    private static final String PROJECT = "00000000-0000-0000-0000-0000000000c1";
    private static final CostLedgerId LEDGER = CostLedgerId.of(ProjectId.of(PROJECT));
    /** 23:30 UTC on 2026-12-03: already the 4th east of UTC, still the 3rd here. */
    private static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2026-12-03T23:30:00Z"), ZoneOffset.UTC);

    private final AuditedCommandGateway gateway = mock(AuditedCommandGateway.class);
    private final CostLedgerMutationController controller =
            new CostLedgerMutationController(gateway, new Today(LATE_EVENING));

    private static RecordExpenseInput expense(LocalDate incurredOn) {
        return new RecordExpenseInput(PROJECT, new MoneyInput(new BigDecimal("99.50"), "EUR"), CostCategory.TRAVEL,
                incurredOn, "Rail", null, "Kick-off trip");
    }

    @Test
    void anExpenseGoesToTheProjectsLedgerAndTheReceiptNamesTheProject() {
        when(gateway.send(any(), any(), any())).thenReturn(new CommandReceipt(LEDGER.toString(), 42, "corr-1"));
        var command = ArgumentCaptor.forClass(Object.class);

        var result = controller.recordExpense(expense(LocalDate.of(2026, 12, 3)));

        verify(gateway).send(command.capture(), eq(LEDGER), eq("Kick-off trip"));
        RecordExpenseCommand sent = (RecordExpenseCommand) command.getValue();
        assertThat(sent.ledgerId()).isEqualTo(LEDGER);
        assertThat(result.getData()).isEqualTo(new CommandReceipt(PROJECT, 42, "corr-1", LEDGER.toString()));
        assertThat(((GraphQLContext) result.getLocalContext()).<String>get(NewEntityIds.NEW_ID))
                .isEqualTo(sent.entryId().toString());
    }

    @Test
    void anExpenseIncurredAfterTodayInUtcIsRefusedBeforeAnyCommand() {
        assertThatThrownBy(() -> controller.recordExpense(expense(LocalDate.of(2026, 12, 4))))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(violation.getMessage()).contains("incurredOn", "2026-12-03");
                });
        verifyNoInteractions(gateway);
    }

    @Test
    void aReversalGetsAnEntryIdOfItsOwn() {
        when(gateway.send(any(), any(), any())).thenReturn(new CommandReceipt(LEDGER.toString(), 43, "corr-2"));
        var command = ArgumentCaptor.forClass(Object.class);
        String reversed = "00000000-0000-0000-0000-0000000000e1";

        var result = controller.reverseCost(new ReverseCostInput(PROJECT, reversed, "Duplicate invoice"));

        verify(gateway).send(command.capture(), eq(LEDGER), eq("Duplicate invoice"));
        ReverseCostCommand sent = (ReverseCostCommand) command.getValue();
        assertThat(sent.reversedEntryId()).isEqualTo(CostEntryId.of(reversed));
        assertThat(sent.reversalEntryId()).isNotEqualTo(sent.reversedEntryId());
        assertThat(result.getData().aggregateId()).isEqualTo(PROJECT);
        assertThat(((GraphQLContext) result.getLocalContext()).<String>get(NewEntityIds.NEW_ID))
                .isEqualTo(sent.reversalEntryId().toString());
    }
}
