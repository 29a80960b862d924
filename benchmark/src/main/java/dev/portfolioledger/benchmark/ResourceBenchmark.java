package dev.portfolioledger.benchmark;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ApproveProjectCommand;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProposeProjectCommand;
import dev.portfolioledger.api.project.StartProjectCommand;
import dev.portfolioledger.api.resource.AllocateResourceCommand;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ReallocateResourceCommand;
import dev.portfolioledger.api.resource.RecordResourceLeaveCommand;
import dev.portfolioledger.api.resource.RegisterResourceCommand;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.Skill;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 11's command figures and its data set: a pool of resources allocated over a year to the
 * projects of one portfolio, built through the command gateway (the real rules), then
 * {@code allocateResource} and {@code reallocateResource} through the gateway at each concurrency.
 * <p>
 * The pool: {@code resources} people at 100 % capacity, each with 2-5 allocations of 10-30 % to
 * random projects over random stretches of {@link #YEAR} (never above capacity by construction:
 * at most 5 × 30 % minus what is refused), one leave of 1-10 days for every third person, and a
 * 50 % allocation to one project over {@link #REALLOCATION_YEAR} that the reallocation step takes
 * 1 % shares of, one random day at a time.
 */
final class ResourceBenchmark {

    static final LocalDate YEAR = LocalDate.of(2027, 1, 4);
    static final int YEAR_DAYS = 364;
    static final LocalDate ALLOCATION_YEAR = LocalDate.of(2029, 1, 1);
    static final LocalDate REALLOCATION_YEAR = LocalDate.of(2030, 1, 1);
    private static final long TIMEOUT_SECONDS = 30;

    record Pool(PortfolioId portfolioId, List<ProjectId> projects, List<ResourceId> resources,
                ProjectId reallocatedFrom, long commands, double seconds) {
    }

    private final CommandGateway gateway;
    private final Random random = new Random(11);
    private final AtomicLong ids = new AtomicLong();

    ResourceBenchmark(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Builds the pool through the gateway; returns it with how long it took. */
    Pool seed(PortfolioId portfolioId, int projectCount, int resourceCount) {
        GatewayBenchmark.actAsBenchmarkUser();
        try {
            long start = System.nanoTime();
            long commands = 0;
            List<ProjectId> projects = new ArrayList<>();
            for (int i = 0; i < projectCount; i++) {
                ProjectId projectId = ProjectId.random();
                send(new ProposeProjectCommand(projectId, portfolioId, null, "Staffed project " + i, null,
                        "Benchmark Manager", "Benchmark Sponsor", Methodology.SCRUM, YEAR,
                        REALLOCATION_YEAR.plusYears(1)));
                send(new ApproveProjectCommand(projectId));
                send(new StartProjectCommand(projectId));
                commands += 3;
                projects.add(projectId);
            }
            ProjectId reallocatedFrom = projects.get(0);
            List<ResourceId> resources = new ArrayList<>();
            for (int r = 0; r < resourceCount; r++) {
                ResourceId resourceId = ResourceId.random();
                send(new RegisterResourceCommand(resourceId, portfolioId, "Person " + r, role(r),
                        List.of(new Skill("Java", 1 + random.nextInt(5)), new Skill("SQL", 1 + random.nextInt(5))),
                        100, Money.of(String.valueOf(60 + random.nextInt(60)), "EUR"), YEAR.minusYears(1)));
                commands++;
                if (r % 3 == 0) {
                    LocalDate first = YEAR.plusDays(random.nextInt(YEAR_DAYS - 10));
                    send(new RecordResourceLeaveCommand(resourceId, LeaveId.random(),
                            Period.of(first, first.plusDays(random.nextInt(10))), "Holiday"));
                    commands++;
                }
                int allocations = 2 + random.nextInt(4);
                for (int a = 0; a < allocations; a++) {
                    LocalDate first = YEAR.plusDays(random.nextInt(YEAR_DAYS - 30));
                    LocalDate last = min(first.plusDays(30 + random.nextInt(120)), YEAR.plusDays(YEAR_DAYS - 1));
                    commands++;
                    try {
                        send(new AllocateResourceCommand(resourceId, AllocationId.random(),
                                projects.get(random.nextInt(projects.size())), 10 + random.nextInt(21),
                                Period.of(first, last), false, null));
                    } catch (RuntimeException refused) {
                        // over capacity on a leave day: part of the data set's realism, not an error
                    }
                }
                send(new AllocateResourceCommand(resourceId, AllocationId.random(), reallocatedFrom, 50,
                        Period.of(REALLOCATION_YEAR, REALLOCATION_YEAR.plusDays(YEAR_DAYS)), false, null));
                commands++;
                resources.add(resourceId);
            }
            return new Pool(portfolioId, projects, resources, reallocatedFrom, commands,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** allocateResource: 1 % of a random resource for one random day of {@link #ALLOCATION_YEAR}. */
    LoadResult allocate(Pool pool, int senders, Duration warmup, Duration measured) throws InterruptedException {
        return LoadRun.run("allocateResource", senders, warmup, measured, index -> {
            GatewayBenchmark.actAsBenchmarkUser();
            Random own = new Random(index);
            return new LoadRun.Worker() {
                @Override
                public void execute() {
                    LocalDate day = ALLOCATION_YEAR.plusDays(own.nextInt(YEAR_DAYS));
                    send(new AllocateResourceCommand(pool.resources().get(own.nextInt(pool.resources().size())),
                            AllocationId.random(), pool.projects().get(1 + own.nextInt(pool.projects().size() - 1)),
                            1, Period.day(day), false, null));
                }

                @Override
                public void close() {
                    SecurityContextHolder.clearContext();
                }
            };
        });
    }

    /**
     * reallocateResource: 1 % for one random day of {@link #REALLOCATION_YEAR} from the project every
     * resource is half allocated to, to another; each splits the source allocation it hits.
     */
    LoadResult reallocate(Pool pool, int senders, Duration warmup, Duration measured) throws InterruptedException {
        return LoadRun.run("reallocateResource", senders, warmup, measured, index -> {
            GatewayBenchmark.actAsBenchmarkUser();
            Random own = new Random(100 + index);
            return new LoadRun.Worker() {
                @Override
                public void execute() {
                    LocalDate day = REALLOCATION_YEAR.plusDays(own.nextInt(YEAR_DAYS));
                    send(new ReallocateResourceCommand(pool.resources().get(own.nextInt(pool.resources().size())),
                            AllocationId.random(), pool.reallocatedFrom(),
                            pool.projects().get(1 + own.nextInt(pool.projects().size() - 1)), 1, Period.day(day),
                            "Benchmark reallocation " + ids.incrementAndGet()));
                }

                @Override
                public void close() {
                    SecurityContextHolder.clearContext();
                }
            };
        });
    }

    /** Latencies of one read, live and as of an instant, in microseconds, alternating which goes first. */
    record Reads(Percentiles live, Percentiles asOf, int resources, int periods) {
    }

    private static final String UTILISATION = """
            query utilisation($id: ID!, $from: Date!, $to: Date!, $asOf: DateTime) {
              portfolio(id: $id, asOf: $asOf) {
                utilisation(from: $from, to: $to, granularity: WEEK, first: 500) {
                  periods { start end }
                  resources { resource { id name } allocatedPercent overallocated }
                  pageInfo { hasNextPage }
                }
              }
            }""";

    /**
     * {@code portfolio.utilisation} over the 52 weeks of {@link #YEAR} for the whole pool, live and
     * as of an instant after the pool was built (the same data, read from the history), {@code rounds}
     * times each after 20 unmeasured rounds, alternating which of the two goes first.
     */
    static Reads utilisation(GraphQlClient client, Pool pool, java.time.Instant asOf, int rounds) throws Exception {
        String live = "{\"id\":\"" + pool.portfolioId() + "\",\"from\":\"" + YEAR + "\",\"to\":\""
                + YEAR.plusDays(YEAR_DAYS - 1) + "\"}";
        String past = live.substring(0, live.length() - 1) + ",\"asOf\":\"" + asOf + "\"}";
        String liveBody = client.post(UTILISATION, live).body();
        String pastBody = client.post(UTILISATION, past).body();
        if (!liveBody.equals(pastBody)) {
            throw new IllegalStateException("utilisation as of " + asOf + " differs from the live one");
        }
        int resources = count(liveBody, "\"resource\":{");
        long[] liveMicros = new long[rounds];
        long[] pastMicros = new long[rounds];
        for (int round = -20; round < rounds; round++) {
            boolean liveFirst = (round & 1) == 0;
            long first = client.post(UTILISATION, liveFirst ? live : past).micros();
            long second = client.post(UTILISATION, liveFirst ? past : live).micros();
            if (round >= 0) {
                liveMicros[round] = liveFirst ? first : second;
                pastMicros[round] = liveFirst ? second : first;
            }
        }
        return new Reads(Percentiles.of(liveMicros), Percentiles.of(pastMicros), resources,
                count(liveBody, "\"start\":"));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String role(int index) {
        return switch (index % 4) {
            case 0 -> "Developer";
            case 1 -> "Analyst";
            case 2 -> "Tester";
            default -> "Architect";
        };
    }

    private void send(Object command) {
        gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
