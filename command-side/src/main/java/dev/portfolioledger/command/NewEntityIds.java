package dev.portfolioledger.command;

import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.idempotency.IdempotencyScope;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids the server chooses for something new inside an aggregate (an allocation, a time entry, a
 * cost entry), and how a payload returns them beside the command's receipt.
 */
public final class NewEntityIds {

    /** The local-context key under which the new id travels to the payload's id field. */
    public static final String NEW_ID = "newId";

    private NewEntityIds() {
    }

    /**
     * A server-chosen id. In a request with an Idempotency-Key it is derived from the key and the
     * command's step, so a retry names the same allocation or entry as the attempt before it;
     * otherwise it is random.
     *
     * @param kind what the id names, so two ids of one step differ
     */
    public static UUID newId(String kind) {
        return IdempotencyScope.current()
                .map(scope -> UUID.nameUUIDFromBytes((scope.principal() + "\n" + scope.key() + "\n"
                        + scope.upcomingStep() + "\n" + kind).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(UUID::randomUUID);
    }

    /** The receipt stays the payload's source (as for every mutation); the new id travels beside it. */
    public static DataFetcherResult<CommandReceipt> withNewId(CommandReceipt receipt, String id) {
        return DataFetcherResult.<CommandReceipt>newResult().data(receipt)
                .localContext(GraphQLContext.newContext().of(NEW_ID, id).build()).build();
    }
}
