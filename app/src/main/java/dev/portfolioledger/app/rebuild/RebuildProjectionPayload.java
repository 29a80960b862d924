package dev.portfolioledger.app.rebuild;

/** Result of rebuildProjection: the rebuild as it stands right after it started. */
public record RebuildProjectionPayload(ProjectionRebuild rebuild) {
}
