package dev.portfolioledger.api.project;

/** What a budget line pays for; the budget at completion (BAC) is planned per category. */
public enum CostCategory {
    LABOUR,
    MATERIALS,
    EQUIPMENT,
    SERVICES,
    TRAVEL,
    CONTINGENCY,
    OTHER
}
