package dev.portfolioledger.command.finance;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.finance.CostEntryId;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.finance.CostReversedEvent;
import dev.portfolioledger.api.finance.ExpenseRecordedEvent;
import dev.portfolioledger.api.finance.RecordExpenseCommand;
import dev.portfolioledger.api.finance.ReverseCostCommand;
import dev.portfolioledger.api.project.CostCategory;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.command.portfolio.PortfolioDirectory;
import dev.portfolioledger.command.project.ProjectDirectory;
import dev.portfolioledger.command.project.ProjectFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The cost ledger of one project ({@link CostLedgerId#of}): its expenses and their reversals, an
 * aggregate of its own so that a busy project's stream does not swell with ledger lines. Entries
 * are never edited; a correction is a reversal, a new entry that cancels one expense entirely.
 * <p>
 * There is no command that opens a ledger: the first expense does ({@link CreationPolicy}
 * {@code CREATE_IF_MISSING}). Expenses ask the command side's {@link ProjectDirectory} and
 * {@link PortfolioDirectory} (injected by Axon as handler parameters), never a read model.
 * <p>
 * Decisions (codes as the GraphQL layer shows them):
 * <ul>
 *   <li>the project must exist (NOT_FOUND) and be approved: a PROPOSED project has no costs yet
 *       (CONFLICT). APPROVED, ACTIVE, ON_HOLD, CLOSED and CANCELLED projects all take expenses,
 *       because an invoice that arrives after a project stopped is still a cost of it;</li>
 *   <li>the amount is in the portfolio's currency (VALIDATION_FAILED);</li>
 *   <li>an entry id is used once in the ledger (ALREADY_EXISTS);</li>
 *   <li>a reversal names an expense of the ledger (NOT_FOUND) not reversed yet (CONFLICT), and
 *       a reversal is never reversed itself (CONFLICT): record the expense again instead.</li>
 * </ul>
 * The ledger keeps only what these decisions and the reversal's event need: each expense (with
 * whether it is reversed) and the ids of the reversals.
 * <p>
 * Snapshots store the aggregate's fields (hence the field visibility for Jackson); the revision
 * names their shape: change it with any change of the fields, and older snapshots are ignored.
 */
@Aggregate(snapshotTriggerDefinition = "costLedgerSnapshotTrigger")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CostLedger {

    @AggregateIdentifier
    private CostLedgerId ledgerId;
    /** Every expense of the ledger, by entry id; a reversal keeps it, marked reversed. */
    private final Map<CostEntryId, Expense> expenses = new HashMap<>();
    /** The entry ids of the reversals, which can never be reversed themselves. */
    private final Set<CostEntryId> reversals = new HashSet<>();

    /** What a reversal repeats of the expense it cancels, and whether one already did. */
    private record Expense(Money amount, CostCategory category, LocalDate incurredOn, boolean reversed) {

        Expense asReversed() {
            return new Expense(amount, category, incurredOn, true);
        }
    }

    /** For Axon, which rebuilds a ledger from its events, or creates an empty one for its first expense (and Jackson, from a snapshot). */
    protected CostLedger() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordExpenseCommand command, ProjectDirectory projects, PortfolioDirectory portfolios) {
        ProjectFacts project = requireProjectTakingCosts(command.projectId(), projects);
        Currency currency = portfolios.currencyOf(project.portfolioId()).orElseThrow(() -> new IllegalStateException(
                "Project " + project.projectId() + " is in portfolio " + project.portfolioId() + ", which is unknown"));
        requireInCurrency(command.amount(), currency);
        requireNewEntryId(command.entryId());
        apply(new ExpenseRecordedEvent(command.ledgerId(), command.projectId(), command.entryId(), command.amount(),
                command.category(), command.incurredOn(), command.vendor(), command.description()));
    }

    /**
     * Also allowed on a ledger that does not exist yet, so that a reversal on a project without
     * costs is told that the entry is unknown (it is), not that some ledger id is.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReverseCostCommand command) {
        Expense expense = requireReversible(command.reversedEntryId(), command.projectId());
        requireNewEntryId(command.reversalEntryId());
        apply(new CostReversedEvent(command.ledgerId(), command.projectId(), command.reversalEntryId(),
                command.reversedEntryId(), expense.amount(), expense.category(), expense.incurredOn(),
                command.reason()));
    }

    // --- named checks ---

    private static ProjectFacts requireProjectTakingCosts(ProjectId projectId, ProjectDirectory projects) {
        ProjectFacts project = projects.find(projectId).orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                "Project " + projectId + " does not exist"));
        if (project.status() == ProjectStatus.PROPOSED) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Project " + projectId
                    + " is PROPOSED: costs are recorded from its approval on");
        }
        return project;
    }

    private static void requireInCurrency(Money amount, Currency currency) {
        if (!amount.isIn(currency)) {
            throw Checks.invalid("amount must be in the portfolio's currency " + currency.getCurrencyCode()
                    + ", not " + amount.currency().getCurrencyCode());
        }
    }

    private void requireNewEntryId(CostEntryId entryId) {
        if (expenses.containsKey(entryId) || reversals.contains(entryId)) {
            throw new RuleViolation(ErrorCode.ALREADY_EXISTS, "Cost entry " + entryId
                    + " already exists in this ledger; entry ids are never reused");
        }
    }

    private Expense requireReversible(CostEntryId entryId, ProjectId projectId) {
        if (reversals.contains(entryId)) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Cost entry " + entryId
                    + " is a reversal, and a reversal can never be reversed; record the expense again instead");
        }
        Expense expense = expenses.get(entryId);
        if (expense == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND,
                    "The cost ledger of project " + projectId + " has no entry " + entryId);
        }
        if (expense.reversed()) {
            throw new RuleViolation(ErrorCode.CONFLICT, "Cost entry " + entryId
                    + " is already reversed; an entry is reversed at most once");
        }
        return expense;
    }

    // --- state ---

    @EventSourcingHandler
    void on(ExpenseRecordedEvent event) {
        ledgerId = event.ledgerId();
        expenses.put(event.entryId(), new Expense(event.amount(), event.category(), event.incurredOn(), false));
    }

    @EventSourcingHandler
    void on(CostReversedEvent event) {
        expenses.computeIfPresent(event.reversedEntryId(), (id, expense) -> expense.asReversed());
        reversals.add(event.reversalEntryId());
    }
}
