package dev.portfolioledger.command.finance;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.finance.ReverseCostCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.command.Today;
import graphql.execution.DataFetcherResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import static dev.portfolioledger.command.NewEntityIds.NEW_ID;
import static dev.portfolioledger.command.NewEntityIds.newId;
import static dev.portfolioledger.command.NewEntityIds.withNewId;

/**
 * The cost ledger mutations of finance-mutations.graphqls. The commands go to the project's
 * ledger, yet the payloads answer with the project: the receipt names the project and keeps the
 * ledger's events as what read your writes waits for. The new entry's id (chosen here, never by
 * the aggregate) travels beside the receipt.
 */
@Controller
public class CostLedgerMutationController {

    private final AuditedCommandGateway commands;
    private final Today today;

    public CostLedgerMutationController(AuditedCommandGateway commands, Today today) {
        this.commands = commands;
        this.today = today;
    }

    @MutationMapping
    @PreAuthorize(Roles.RECORD_COSTS)
    public DataFetcherResult<CommandReceipt> recordExpense(@Argument RecordExpenseInput input) {
        ProjectId projectId = projectId(input.projectId());
        CostEntryId entryId = new CostEntryId(newId("cost entry"));
        var command = RecordExpenseCommand.of(projectId, entryId,
                Checks.required(input.amount(), "amount").toMoney("amount"), input.category(),
                today.requireNotAfter(input.incurredOn(), "incurredOn"), input.vendor(), input.description());
        return withNewId(send(command, projectId, input.reason()), entryId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.RECORD_COSTS)
    public DataFetcherResult<CommandReceipt> reverseCost(@Argument ReverseCostInput input) {
        ProjectId projectId = projectId(input.projectId());
        CostEntryId reversalEntryId = new CostEntryId(newId("cost reversal"));
        var command = ReverseCostCommand.of(projectId, reversalEntryId,
                CostEntryId.of(Checks.required(input.entryId(), "entryId")), input.reason());
        return withNewId(send(command, projectId, input.reason()), reversalEntryId.toString());
    }

    @SchemaMapping(typeName = "RecordExpensePayload", field = "entryId")
    public String entryId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "ReverseCostPayload", field = "reversalEntryId")
    public String reversalEntryId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    private CommandReceipt send(Object command, ProjectId projectId, String reason) {
        return commands.send(command, CostLedgerId.of(projectId), reason).answeringFor(projectId);
    }

    private static ProjectId projectId(String id) {
        return ProjectId.of(Checks.required(id, "projectId"));
    }
}
