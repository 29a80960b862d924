package dev.portfolioledger.axon.command;

/**
 * What a mutation knows once its command has been handled and its events stored: the aggregate
 * whose views its payload answers with, the global index of the newest event of the stream the
 * command wrote to (what views must catch up to), the correlation id that every resulting event
 * carries, and that stream's aggregate id.
 * <p>
 * Usually the two ids are one: a command changes the aggregate whose view it returns. A project's
 * cost ledger is an aggregate of its own, yet a ledger mutation answers with the project, so its
 * receipt names the project ({@link #answeringFor}) and keeps the ledger as the stream whose
 * events read your writes waits for.
 *
 * @param eventStream the aggregate whose events the command stored
 */
public record CommandReceipt(String aggregateId, long globalIndex, String correlationId, String eventStream) {

    /** The receipt of a command whose payload shows the aggregate it changed. */
    public CommandReceipt(String aggregateId, long globalIndex, String correlationId) {
        this(aggregateId, globalIndex, correlationId, aggregateId);
    }

    /** This receipt for a payload that shows another aggregate's views, waiting for the same events. */
    public CommandReceipt answeringFor(Object viewedAggregateId) {
        return new CommandReceipt(viewedAggregateId.toString(), globalIndex, correlationId, eventStream);
    }
}
