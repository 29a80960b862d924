package dev.portfolioledger.api.risk;

/**
 * How the project answers a risk. A TRANSFER risk (insured, contracted out) is someone else's to
 * carry: it does not keep its project from closing.
 */
public enum RiskResponse {
    AVOID,
    MITIGATE,
    TRANSFER,
    ACCEPT
}
