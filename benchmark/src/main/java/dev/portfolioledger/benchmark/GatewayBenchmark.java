package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.portfolio.CreatePortfolioCommand;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The command side in-process: ProposeProjectCommand through Axon's CommandGateway with
 * sendAndWait, i.e. handler, aggregate, event store insert and commit, but no HTTP and no
 * waiting for the views. The difference to the raw baseline is the framework's cost per command.
 */
final class GatewayBenchmark {

    static final String ACTOR = "benchmark";
    static final LocalDate PLANNED_START = LocalDate.of(2027, 1, 1);
    static final LocalDate PLANNED_FINISH = LocalDate.of(2027, 6, 30);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final CommandGateway gateway;
    private final PortfolioId portfolioId;
    private final AtomicLong sequence = new AtomicLong();

    GatewayBenchmark(CommandGateway gateway, PortfolioId portfolioId) {
        this.gateway = gateway;
        this.portfolioId = portfolioId;
    }

    /** The one portfolio every proposed project goes into; names are unique, so stamp it. */
    static PortfolioId createPortfolio(CommandGateway gateway, String name) {
        actAsBenchmarkUser();
        try {
            PortfolioId id = PortfolioId.random();
            gateway.sendAndWait(new CreatePortfolioCommand(id, name, "Created by the benchmark harness",
                    Currency.getInstance("EUR"), "Benchmark Owner"), SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return id;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Sender threads are not request threads: give them an authenticated principal so the audit
     * interceptor stamps a real actor, as it would for a GraphQL request, instead of "system".
     */
    static void actAsBenchmarkUser() {
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(ACTOR, null, List.of())));
    }

    LoadResult run(int senders, Duration warmup, Duration measured) throws InterruptedException {
        return LoadRun.run("gateway", senders, warmup, measured, index -> {
            actAsBenchmarkUser();
            return new LoadRun.Worker() {
                @Override
                public void execute() {
                    propose(ProjectId.random());
                }

                @Override
                public void close() {
                    SecurityContextHolder.clearContext();
                }
            };
        });
    }

    /** Sends one proposal and returns when its event is committed (the views may still lag). */
    void propose(ProjectId projectId) {
        gateway.sendAndWait(new ProposeProjectCommand(projectId, portfolioId, null,
                        "Bench project " + sequence.incrementAndGet(), null, "Benchmark Manager",
                        "Benchmark Sponsor", Methodology.SCRUM, PLANNED_START, PLANNED_FINISH),
                SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
