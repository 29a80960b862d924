package dev.portfolioledger.api.quality;

/** How a stakeholder prefers to be kept informed. */
public enum CommunicationChannel {
    EMAIL,
    MEETING,
    REPORT,
    CHAT,
    PHONE
}
