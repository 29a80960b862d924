package dev.portfolioledger.app.rebuild;

/** Input of rebuildProjection: the processing group to rebuild. */
public record RebuildProjectionInput(String processingGroup) {
}
