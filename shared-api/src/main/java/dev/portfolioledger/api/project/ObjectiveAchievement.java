package dev.portfolioledger.api.project;

/** How far a project reached one of its objectives, as judged at its closure. */
public enum ObjectiveAchievement {
    MET,
    PARTLY_MET,
    NOT_MET
}
