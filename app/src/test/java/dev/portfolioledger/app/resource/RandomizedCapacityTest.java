package dev.portfolioledger.app.resource;

import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random allocate / reallocate / release / leave / capacity-change sequences through the real
 * mutations never leave a resource above capacity on any day without a recorded, reasoned
 * over-allocation — checked after every stored event by a fold of the events written here, apart
 * from the aggregate's rule — and the utilisation the app answers as of random instants equals
 * that fold's arithmetic at the same instants.
 */
class RandomizedCapacityTest extends GraphQlIntegrationTest {

    private static final LocalDate WINDOW = LocalDate.of(2027, 3, 1);
    private static final int WINDOW_DAYS = 56;
    private static final Set<String> REFUSALS = Set.of("CAPACITY_EXCEEDED", "CONFLICT", "NOT_FOUND");

    @Autowired
    EventStore eventStore;

    @Test
    void randomSequencesNeverOverfillWithoutAReasonAndUtilisationEqualsTheFold() {
        long seed = Long.getLong("capacity.seed", System.nanoTime());
        Random random = new Random(seed);
        String portfolioId = newPortfolio();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String projectId = newProject(portfolioId, null);
            transition("approveProject", projectId, "pmo");
            projects.add(projectId);
        }
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            resources.add(as("resources").documentName("resourcePayload").operationName("registerResourceWithPayload").variable("input", Map.of(
                            "portfolioId", portfolioId, "name", unique("Person"), "role", "Developer",
                            "capacityPercent", i == 0 ? 80 : 100, "costRate", Map.of("amount", "70", "currency", "EUR"),
                            "rateEffectiveFrom", "2027-01-01"))
                    .execute().path("registerResource.resource.id").entity(String.class).get());
        }
        Map<String, List<String>> allocationIds = new HashMap<>();
        int stored = 0;
        for (int op = 0; op < 120; op++) {
            String resource = resources.get(random.nextInt(resources.size()));
            LocalDate start = WINDOW.plusDays(random.nextInt(WINDOW_DAYS - 7));
            LocalDate end = start.plusDays(random.nextInt(20));
            end = end.isAfter(WINDOW.plusDays(WINDOW_DAYS - 1)) ? WINDOW.plusDays(WINDOW_DAYS - 1) : end;
            String mutation;
            Map<String, Object> input = new HashMap<>(Map.of("resourceId", resource));
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    mutation = "allocateResource";
                    input.putAll(Map.of("projectId", projects.get(random.nextInt(3)), "percent",
                            10 + random.nextInt(51), "start", start.toString(), "end", end.toString()));
                    if (random.nextInt(5) == 0) {
                        input.putAll(Map.of("allowOverallocation", true, "reason", "Crunch " + op));
                    }
                }
                case 2 -> {
                    mutation = "reallocateResource";
                    int from = random.nextInt(3);
                    input.putAll(Map.of("fromProjectId", projects.get(from), "toProjectId",
                            projects.get((from + 1 + random.nextInt(2)) % 3), "percent", 5 + random.nextInt(26),
                            "start", start.toString(), "end", end.toString(), "reason", "Move " + op));
                }
                case 3 -> {
                    List<String> known = allocationIds.getOrDefault(resource, List.of());
                    if (known.isEmpty()) {
                        continue;
                    }
                    mutation = "releaseResource";
                    input.putAll(Map.of("allocationId", known.get(random.nextInt(known.size())),
                            "releaseFrom", start.toString()));
                }
                case 4 -> {
                    mutation = "recordResourceLeave";
                    input.putAll(Map.of("start", start.toString(), "end", start.plusDays(random.nextInt(3)).toString()));
                }
                default -> {
                    mutation = "changeResourceCapacity";
                    input.putAll(Map.of("capacityPercent", 40 + random.nextInt(61), "effectiveFrom", start.toString()));
                }
            }
            var response = as("resources").documentName(mutation).variable("input", input).execute();
            List<ResponseError> errors = new ArrayList<>();
            response.errors().satisfy(errors::addAll);
            if (errors.isEmpty()) {
                stored++;
                if (mutation.equals("allocateResource") || mutation.equals("reallocateResource")) {
                    allocationIds.computeIfAbsent(resource, r -> new ArrayList<>())
                            .add(response.path(mutation + ".allocationId").entity(String.class).get());
                }
            } else {
                assertThat(errors).as("seed %d, %s %s", seed, mutation, input).singleElement()
                        .satisfies(error -> assertThat(REFUSALS).as("seed %d: %s", seed, error.getMessage())
                                .contains((String) error.getExtensions().get("code")));
            }
        }
        assertThat(stored).as("seed %d: commands that stored events", seed).isGreaterThan(30);

        for (String resource : resources) {
            Fold fold = new Fold();
            List<DomainEventMessage<?>> events = new ArrayList<>();
            eventStore.readEvents(resource).asStream().forEach(events::add);
            for (int i = 0; i < events.size(); i++) {
                fold.apply(events.get(i).getPayload());
                fold.requireNoUnreasonedOverload("seed " + seed + ", resource " + resource + ", event " + i);
            }
            // utilisation as of a few instants (each an event's own time) equals the fold of that prefix
            for (int sample = 0; sample < 4; sample++) {
                int upTo = random.nextInt(events.size());
                Fold prefix = new Fold();
                events.subList(0, upTo + 1).forEach(event -> prefix.apply(event.getPayload()));
                Instant at = events.get(upTo).getTimestamp();
                var weeks = as("auditor").documentName("resourceUtilisationAt").variable("id", resource)
                        .variable("from", WINDOW.toString()).variable("to", WINDOW.plusDays(WINDOW_DAYS - 1).toString())
                        .variable("asOf", at.toString()).execute();
                weeks.path("resource.utilisation[*].allocatedPercent").entityList(Double.class)
                        .containsExactly(prefix.weeklyAllocated().toArray(Double[]::new));
                weeks.path("resource.utilisation[*].overallocatedDays").entityList(Integer.class)
                        .containsExactly(prefix.weeklyOverallocatedDays().toArray(Integer[]::new));
            }
        }
    }

    /** The resource's allocations, leave and capacity, folded from its events by this test alone. */
    private static final class Fold {

        private record Held(Allocation allocation, String reason) {
        }

        private final Map<AllocationId, Held> allocations = new LinkedHashMap<>();
        private final List<Period> leave = new ArrayList<>();
        private final TreeMap<LocalDate, Integer> capacity = new TreeMap<>();

        void apply(Object event) {
            if (event instanceof ResourceRegisteredEvent e) {
                capacity.put(LocalDate.MIN, e.capacityPercent());
            } else if (event instanceof ResourceCapacityChangedEvent e) {
                capacity.put(e.effectiveFrom(), e.capacityPercent());
            } else if (event instanceof ResourceLeaveRecordedEvent e) {
                leave.add(e.period());
            } else if (event instanceof ResourceAllocatedEvent e) {
                allocations.put(e.allocation().allocationId(), new Held(e.allocation(), e.overallocationReason()));
            } else if (event instanceof ResourceReallocatedEvent e) {
                Map<AllocationId, Held> replaced = new HashMap<>();
                e.replacedAllocationIds().forEach(id -> replaced.put(id, allocations.remove(id)));
                for (Allocation piece : e.replacements()) {
                    String reason = replaced.values().stream()
                            .filter(held -> held.allocation().projectId().equals(piece.projectId())
                                    && held.allocation().period().intersection(piece.period()).isPresent())
                            .map(Held::reason).filter(r -> r != null).findFirst().orElse(null);
                    allocations.put(piece.allocationId(), new Held(piece, reason));
                }
                allocations.put(e.moved().allocationId(), new Held(e.moved(), null));
            } else if (event instanceof ResourceReleasedEvent e) {
                Held held = allocations.remove(e.allocationId());
                if (held != null && e.remaining() != null) {
                    allocations.put(e.allocationId(), new Held(held.allocation().withPeriod(e.remaining()), held.reason()));
                }
            }
        }

        private int capacityOn(LocalDate day) {
            return capacity.floorEntry(day).getValue();
        }

        private int allocatedOn(LocalDate day) {
            return allocations.values().stream().filter(held -> held.allocation().period().contains(day))
                    .mapToInt(held -> held.allocation().percent()).sum();
        }

        private boolean overloaded(LocalDate day) {
            boolean onLeave = leave.stream().anyMatch(period -> period.contains(day));
            return allocatedOn(day) + (onLeave ? capacityOn(day) : 0) > capacityOn(day);
        }

        void requireNoUnreasonedOverload(String where) {
            for (int d = 0; d < WINDOW_DAYS + 30; d++) {
                LocalDate day = WINDOW.plusDays(d);
                if (overloaded(day)) {
                    assertThat(allocations.values().stream()
                            .anyMatch(held -> held.reason() != null && held.allocation().period().contains(day)))
                            .as("%s: %s is over capacity without a reasoned over-allocation", where, day).isTrue();
                }
            }
        }

        List<Double> weeklyAllocated() {
            List<Double> weeks = new ArrayList<>();
            for (int week = 0; week < WINDOW_DAYS / 7; week++) {
                long sum = 0;
                for (int d = 0; d < 7; d++) {
                    sum += allocatedOn(WINDOW.plusDays(week * 7L + d));
                }
                weeks.add(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(7), 2, RoundingMode.HALF_EVEN).doubleValue());
            }
            return weeks;
        }

        List<Integer> weeklyOverallocatedDays() {
            List<Integer> weeks = new ArrayList<>();
            for (int week = 0; week < WINDOW_DAYS / 7; week++) {
                int days = 0;
                for (int d = 0; d < 7; d++) {
                    days += overloaded(WINDOW.plusDays(week * 7L + d)) ? 1 : 0;
                }
                weeks.add(days);
            }
            return weeks;
        }
    }
}
