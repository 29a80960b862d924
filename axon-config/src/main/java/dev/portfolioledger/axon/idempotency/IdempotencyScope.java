package dev.portfolioledger.axon.idempotency;

import io.micrometer.context.ContextRegistry;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Idempotency-Key of the mutation request being served, as the command gateway sees it.
 *
 * <p>The web layer puts a scope into the Reactor context of the GraphQL execution; Spring GraphQL
 * restores it as this thread-local around every data fetcher (through the context-propagation
 * accessor registered by {@link #registerThreadLocalAccessor()}), so the gateway finds it without
 * any controller passing it along. Each command a request sends takes the next step number; a
 * retry of the same request (same document, same variables: the web layer checks that) sends its
 * commands in the same order, so step n of the retry is step n of the first attempt.
 */
public final class IdempotencyScope {

    /** The key under which the scope travels in the Reactor and GraphQL contexts. */
    public static final String CONTEXT_KEY = "dev.portfolioledger.idempotency.scope";

    private static final ThreadLocal<IdempotencyScope> CURRENT = new ThreadLocal<>();

    private final String principal;
    private final String key;
    private final AtomicInteger steps = new AtomicInteger();

    public IdempotencyScope(String principal, String key) {
        this.principal = principal;
        this.key = key;
    }

    public static Optional<IdempotencyScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Lets Spring GraphQL carry the scope from the request's Reactor context to the fetchers. */
    public static void registerThreadLocalAccessor() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CONTEXT_KEY, CURRENT::get, CURRENT::set,
                                                                  CURRENT::remove);
    }

    public String principal() {
        return principal;
    }

    public String key() {
        return key;
    }

    /**
     * The number the next command of this request will take, without taking it: a mutation that
     * names something new (an allocation) by a server-chosen id derives the id from it, so that a
     * retry of the request names the same thing.
     */
    public int upcomingStep() {
        return steps.get();
    }

    /** The number of the command about to be sent in this request: 0, 1, 2 ... */
    public int nextStep() {
        return steps.getAndIncrement();
    }
}
