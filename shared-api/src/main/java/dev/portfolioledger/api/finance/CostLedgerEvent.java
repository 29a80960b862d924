package dev.portfolioledger.api.finance;

import dev.portfolioledger.api.project.ProjectId;

/**
 * An event of a CostLedger aggregate: the ledger and the project it belongs to, without asking
 * which event it is.
 */
public interface CostLedgerEvent {

    CostLedgerId ledgerId();

    ProjectId projectId();
}
