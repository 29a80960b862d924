package dev.portfolioledger.api.risk;

/** OPEN → MITIGATING → CLOSED; OPEN → CLOSED; OCCURRED (it became an issue) from OPEN or MITIGATING. */
public enum RiskStatus {
    OPEN,
    MITIGATING,
    CLOSED,
    OCCURRED;

    /** Still a threat: OPEN or MITIGATING. The heatmap, top risks and reviews count these. */
    public boolean isOpen() {
        return this == OPEN || this == MITIGATING;
    }
}
