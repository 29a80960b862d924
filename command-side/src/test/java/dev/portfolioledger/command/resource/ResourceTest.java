package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.portfolio.PortfolioStatus;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.api.resource.AllocateResourceCommand;
import dev.portfolioledger.api.resource.Allocation;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.ChangeResourceCapacityCommand;
import dev.portfolioledger.api.resource.ChangeResourceCostRateCommand;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.LogTimeCommand;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ReallocateResourceCommand;
import dev.portfolioledger.api.resource.RecordResourceLeaveCommand;
import dev.portfolioledger.api.resource.RegisterResourceCommand;
import dev.portfolioledger.api.resource.ReleaseProjectAllocationsCommand;
import dev.portfolioledger.api.resource.ReleaseResourceCommand;
import dev.portfolioledger.api.resource.ResourceAllocatedEvent;
import dev.portfolioledger.api.resource.ResourceCapacityChangedEvent;
import dev.portfolioledger.api.resource.ResourceCostRateChangedEvent;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.ResourceLeaveRecordedEvent;
import dev.portfolioledger.api.resource.ResourceReallocatedEvent;
import dev.portfolioledger.api.resource.ResourceRegisteredEvent;
import dev.portfolioledger.api.resource.ResourceReleasedEvent;
import dev.portfolioledger.api.resource.ResourceRetiredEvent;
import dev.portfolioledger.api.resource.ResourceSkillsRevisedEvent;
import dev.portfolioledger.api.resource.RetireResourceCommand;
import dev.portfolioledger.api.resource.ReverseTimeLogCommand;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.TimeLogReversedEvent;
import dev.portfolioledger.api.resource.TimeLoggedEvent;
import dev.portfolioledger.api.resource.UpdateResourceSkillsCommand;
import dev.portfolioledger.command.portfolio.InMemoryPortfolioDirectory;
import dev.portfolioledger.command.project.InMemoryProjectDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.portfolioledger.api.ErrorCode.ALREADY_EXISTS;
import static dev.portfolioledger.api.ErrorCode.CAPACITY_EXCEEDED;
import static dev.portfolioledger.api.ErrorCode.CONFLICT;
import static dev.portfolioledger.api.ErrorCode.ILLEGAL_TRANSITION;
import static dev.portfolioledger.api.ErrorCode.NOT_FOUND;
import static dev.portfolioledger.api.ErrorCode.PORTFOLIO_ARCHIVED;
import static dev.portfolioledger.api.ErrorCode.VALIDATION_FAILED;
import static dev.portfolioledger.command.Refusals.refusedWith;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class ResourceTest {

    private static final PortfolioId PORTFOLIO = new PortfolioId(uuid("a"));
    private static final PortfolioId OTHER_PORTFOLIO = new PortfolioId(uuid("b"));
    private static final ResourceId RESOURCE = new ResourceId(uuid("r1"));
    private static final ProjectId ALPHA = new ProjectId(uuid("c1"));
    private static final ProjectId BETA = new ProjectId(uuid("c2"));
    private static final ProjectId GAMMA = new ProjectId(uuid("c3"));
    private static final ProjectId PROPOSED = new ProjectId(uuid("c4"));
    private static final ProjectId ELSEWHERE = new ProjectId(uuid("c5"));
    private static final AllocationId A1 = new AllocationId(uuid("a1"));
    private static final AllocationId A2 = new AllocationId(uuid("a2"));
    private static final AllocationId A3 = new AllocationId(uuid("a3"));
    private static final AllocationId NEW = new AllocationId(uuid("a9"));
    private static final TimeEntryId T1 = new TimeEntryId(uuid("e1"));
    private static final TimeEntryId T2 = new TimeEntryId(uuid("e2"));
    private static final LeaveId L1 = new LeaveId(uuid("f1"));
    private static final LeaveId L2 = new LeaveId(uuid("f2"));
    private static final Money RATE = Money.of("80.00", "EUR");
    private static final List<Skill> SKILLS = List.of(new Skill("Java", 4));

    private static final ResourceRegisteredEvent REGISTERED = new ResourceRegisteredEvent(RESOURCE, PORTFOLIO,
            "Ada Lovelace", "Developer", SKILLS, 100, RATE, day(1, 1));

    private AggregateTestFixture<Resource> fixture;
    private InMemoryPortfolioDirectory portfolios;
    private InMemoryProjectDirectory projects;
    private InMemoryResourceDirectory resources;

    @BeforeEach
    void setUp() {
        portfolios = new InMemoryPortfolioDirectory();
        portfolios.add(PORTFOLIO, "Pool", PortfolioStatus.ACTIVE);
        portfolios.add(OTHER_PORTFOLIO, "Archive", PortfolioStatus.ARCHIVED);
        projects = new InMemoryProjectDirectory();
        projects.add(ALPHA, PORTFOLIO, ProjectStatus.ACTIVE);
        projects.add(BETA, PORTFOLIO, ProjectStatus.APPROVED);
        projects.add(GAMMA, PORTFOLIO, ProjectStatus.ACTIVE);
        projects.add(PROPOSED, PORTFOLIO, ProjectStatus.PROPOSED);
        projects.add(ELSEWHERE, OTHER_PORTFOLIO, ProjectStatus.ACTIVE);
        resources = new InMemoryResourceDirectory();
        fixture = new AggregateTestFixture<>(Resource.class);
        fixture.registerInjectableResource(projects);
        fixture.registerAnnotatedCommandHandler(
                new ResourceCommandHandler(fixture.getRepository(), portfolios, resources));
    }

    private static UUID uuid(String suffix) {
        String hex = suffix.replaceAll("[^0-9a-f]", "0");
        return UUID.fromString("00000000-0000-0000-0000-" + "0".repeat(12 - hex.length()) + hex);
    }

    /** A day of 2027. */
    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2027, month, dayOfMonth);
    }

    private static Period days(int month, int first, int last) {
        return Period.of(day(month, first), day(month, last));
    }

    private static ResourceAllocatedEvent allocated(AllocationId id, ProjectId project, int percent, Period period) {
        return new ResourceAllocatedEvent(RESOURCE, new Allocation(id, project, percent, period), null, List.of());
    }

    private static AllocateResourceCommand allocate(AllocationId id, ProjectId project, int percent, Period period) {
        return new AllocateResourceCommand(RESOURCE, id, project, percent, period, false, null);
    }

    private static Map<String, Object> overDay(String start, String end, int allocated, int capacity, boolean leave) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("start", start);
        day.put("end", end);
        day.put("allocatedPercent", allocated);
        day.put("capacityPercent", capacity);
        day.put("onLeave", leave);
        return day;
    }

    private static Matcher<Throwable> withDetails(Map<String, Object> details) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.details().equals(details);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation with details ").appendValue(details);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was ").appendValue(thrown instanceof RuleViolation v ? v.details() : thrown);
            }
        };
    }

    private static Matcher<Throwable> capacityExceeded(List<Map<String, Object>> days, List<AllocationId> involved) {
        return allOf(refusedWith(CAPACITY_EXCEEDED), withDetails(Map.of("days", days,
                "allocations", involved.stream().map(AllocationId::toString).toList())));
    }

    // --- registration ---

    @Test
    void canRegisterResourceInAPortfolio() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(RESOURCE, PORTFOLIO, "Ada Lovelace", "Developer", SKILLS, 100, RATE,
                        day(1, 1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void cannotRegisterInAnUnknownPortfolio() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(RESOURCE, new PortfolioId(uuid("dd")), "Ada", "Developer", SKILLS,
                        100, RATE, day(1, 1)))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterInAnArchivedPortfolio() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(RESOURCE, OTHER_PORTFOLIO, "Ada", "Developer", SKILLS, 100,
                        RATE, day(1, 1)))
                .expectException(refusedWith(PORTFOLIO_ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterWithACostRateInAnotherCurrency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(RESOURCE, PORTFOLIO, "Ada", "Developer", SKILLS, 100,
                        Money.of("80.00", "USD"), day(1, 1)))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectExceptionMessage(containsString("EUR"))
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAResourceIdTwice() {
        resources.claim(RESOURCE, PORTFOLIO);
        fixture.givenNoPriorActivity()
                .when(new RegisterResourceCommand(RESOURCE, PORTFOLIO, "Ada", "Developer", SKILLS, 100, RATE,
                        day(1, 1)))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void canReviseSkills() {
        List<Skill> skills = List.of(new Skill("Java", 5), new Skill("SQL", 3));
        fixture.given(REGISTERED)
                .when(new UpdateResourceSkillsCommand(RESOURCE, skills))
                .expectEvents(new ResourceSkillsRevisedEvent(RESOURCE, skills));
    }

    // --- the capacity rule ---

    @Test
    void canAllocateWithinCapacity() {
        fixture.given(REGISTERED)
                .when(allocate(A1, ALPHA, 60, days(1, 4, 8)))
                .expectEvents(allocated(A1, ALPHA, 60, days(1, 4, 8)));
    }

    @Test
    void canFillCapacityExactlyWithOverlappingAllocations() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 4, 8)))
                .when(allocate(A2, BETA, 40, days(1, 1, 31)))
                .expectEvents(allocated(A2, BETA, 40, days(1, 1, 31)));
    }

    @Test
    void cannotAllocateBeyondCapacity() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 4, 8)), allocated(A2, GAMMA, 30, days(1, 6, 12)))
                .when(allocate(NEW, BETA, 30, days(1, 1, 31)))
                .expectException(capacityExceeded(List.of(overDay("2027-01-06", "2027-01-08", 120, 100, false)),
                        List.of(A1, A2)))
                .expectExceptionMessage(containsString("2027-01-06..2027-01-08 (120% of 100%)"))
                .expectNoEvents();
    }

    @Test
    void firstAndLastDaysOfAnAllocationCount() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 100, days(1, 4, 8)))
                .when(allocate(NEW, BETA, 10, days(1, 8, 20)))
                .expectException(capacityExceeded(List.of(overDay("2027-01-08", "2027-01-08", 110, 100, false)),
                        List.of(A1)))
                .expectNoEvents();
    }

    @Test
    void canAllocateFromTheDayAfterAnotherAllocationEnds() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 100, days(1, 4, 8)))
                .when(allocate(NEW, BETA, 100, days(1, 9, 20)))
                .expectEvents(allocated(NEW, BETA, 100, days(1, 9, 20)));
    }

    @Test
    void canAllocateBeyondCapacityOnPurposeWithAReason() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 100, days(1, 4, 8)))
                .when(new AllocateResourceCommand(RESOURCE, NEW, BETA, 20, days(1, 7, 15), true, "Release week"))
                .expectEvents(new ResourceAllocatedEvent(RESOURCE, new Allocation(NEW, BETA, 20, days(1, 7, 15)),
                        "Release week", List.of(days(1, 7, 8))));
    }

    @Test
    void allowingOverallocationThatIsNotNeededRecordsAPlainAllocation() {
        fixture.given(REGISTERED)
                .when(new AllocateResourceCommand(RESOURCE, NEW, BETA, 20, days(1, 7, 15), true, "Just in case"))
                .expectEvents(allocated(NEW, BETA, 20, days(1, 7, 15)));
    }

    @Test
    void capacityInEffectEachDayIsTheLatestChangeOnOrBeforeIt() {
        fixture.given(REGISTERED, new ResourceCapacityChangedEvent(RESOURCE, 50, day(1, 11)))
                .when(allocate(NEW, ALPHA, 80, days(1, 6, 12)))
                .expectException(capacityExceeded(List.of(overDay("2027-01-11", "2027-01-12", 80, 50, false)),
                        List.of()))
                .expectNoEvents();
    }

    @Test
    void canAllocateWithinTheCapacityBeforeACut() {
        fixture.given(REGISTERED, new ResourceCapacityChangedEvent(RESOURCE, 50, day(1, 11)))
                .when(allocate(NEW, ALPHA, 80, days(1, 4, 10)))
                .expectEvents(allocated(NEW, ALPHA, 80, days(1, 4, 10)));
    }

    @Test
    void leaveCountsAsTheWholeCapacityUsed() {
        fixture.given(REGISTERED, new ResourceLeaveRecordedEvent(RESOURCE, L1, days(1, 6, 7), "Holiday"))
                .when(allocate(NEW, ALPHA, 10, days(1, 4, 8)))
                .expectException(capacityExceeded(List.of(overDay("2027-01-06", "2027-01-07", 110, 100, true)),
                        List.of()))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"PROPOSED", "ON_HOLD", "CANCELLED", "CLOSED"})
    void cannotAllocateToAProjectThatIsNotApprovedOrActive(ProjectStatus status) {
        projects.add(PROPOSED, PORTFOLIO, status);
        fixture.given(REGISTERED)
                .when(allocate(NEW, PROPOSED, 10, days(1, 4, 8)))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString(status.name()))
                .expectNoEvents();
    }

    @Test
    void cannotAllocateToAProjectOfAnotherPortfolio() {
        fixture.given(REGISTERED)
                .when(allocate(NEW, ELSEWHERE, 10, days(1, 4, 8)))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void cannotAllocateToAnUnknownProject() {
        fixture.given(REGISTERED)
                .when(allocate(NEW, new ProjectId(uuid("cc")), 10, days(1, 4, 8)))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotReuseAnAllocationId() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 10, days(1, 4, 8)),
                        new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 1), null, null))
                .when(allocate(A1, BETA, 10, days(2, 1, 8)))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void cannotAllocateOnOrAfterRetirement() {
        fixture.given(REGISTERED, new ResourceRetiredEvent(RESOURCE, day(2, 1)))
                .when(allocate(NEW, ALPHA, 10, Period.of(day(1, 25), day(2, 1))))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("retired from 2027-02-01"))
                .expectNoEvents();
    }

    @Test
    void canAllocateUpToTheDayBeforeRetirement() {
        fixture.given(REGISTERED, new ResourceRetiredEvent(RESOURCE, day(2, 1)))
                .when(allocate(NEW, ALPHA, 10, days(1, 25, 31)))
                .expectEvents(allocated(NEW, ALPHA, 10, days(1, 25, 31)));
    }

    // --- capacity changes ---

    @Test
    void cannotCutCapacityBelowExistingAllocations() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 4, 15)), allocated(A2, BETA, 30, days(1, 4, 31)))
                .when(new ChangeResourceCapacityCommand(RESOURCE, 50, day(1, 11)))
                .expectException(capacityExceeded(List.of(overDay("2027-01-11", "2027-01-15", 90, 50, false)),
                        List.of(A1, A2)))
                .expectNoEvents();
    }

    @Test
    void canCutCapacityWhereTheAllocationsStillFit() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 4, 15)), allocated(A2, BETA, 30, days(1, 4, 31)))
                .when(new ChangeResourceCapacityCommand(RESOURCE, 50, day(1, 16)))
                .expectEvents(new ResourceCapacityChangedEvent(RESOURCE, 50, day(1, 16)));
    }

    @Test
    void capacityCutHoldsOnlyUntilTheNextLaterChange() {
        fixture.given(REGISTERED, new ResourceCapacityChangedEvent(RESOURCE, 100, day(2, 1)),
                        allocated(A1, ALPHA, 90, days(2, 1, 28)))
                .when(new ChangeResourceCapacityCommand(RESOURCE, 50, day(1, 11)))
                .expectEvents(new ResourceCapacityChangedEvent(RESOURCE, 50, day(1, 11)));
    }

    @Test
    void capacityChangeThatDoesNotWorsenDaysAlreadyOverCapacityIsAccepted() {
        fixture.given(REGISTERED, new ResourceAllocatedEvent(RESOURCE, new Allocation(A1, ALPHA, 120, days(1, 4, 8)),
                        "Crunch", List.of(days(1, 4, 8))))
                .when(new ChangeResourceCapacityCommand(RESOURCE, 100, day(1, 6)))
                .expectEvents(new ResourceCapacityChangedEvent(RESOURCE, 100, day(1, 6)));
    }

    // --- cost rates ---

    @Test
    void canChangeTheCostRateFromADate() {
        fixture.given(REGISTERED)
                .when(new ChangeResourceCostRateCommand(RESOURCE, Money.of("95.50", "EUR"), day(3, 1)))
                .expectEvents(new ResourceCostRateChangedEvent(RESOURCE, Money.of("95.50", "EUR"), day(3, 1)));
    }

    @Test
    void cannotChangeTheCostRateToAnotherCurrency() {
        fixture.given(REGISTERED)
                .when(new ChangeResourceCostRateCommand(RESOURCE, Money.of("95.50", "GBP"), day(3, 1)))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    // --- leave ---

    @Test
    void canRecordLeaveOnFreeDays() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 4, 8)))
                .when(new RecordResourceLeaveCommand(RESOURCE, L1, days(1, 9, 15), "Holiday"))
                .expectEvents(new ResourceLeaveRecordedEvent(RESOURCE, L1, days(1, 9, 15), "Holiday"));
    }

    @Test
    void cannotRecordLeaveOverAllocatedDays() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 4, 8)))
                .when(new RecordResourceLeaveCommand(RESOURCE, L1, days(1, 8, 15), "Holiday"))
                .expectException(capacityExceeded(List.of(overDay("2027-01-08", "2027-01-08", 160, 100, true)),
                        List.of(A1)))
                .expectNoEvents();
    }

    @Test
    void cannotRecordOverlappingLeave() {
        fixture.given(REGISTERED, new ResourceLeaveRecordedEvent(RESOURCE, L1, days(1, 9, 15), "Holiday"))
                .when(new RecordResourceLeaveCommand(RESOURCE, L2, days(1, 15, 20), "Course"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString(L1.toString()))
                .expectNoEvents();
    }

    // --- reallocation ---

    @Test
    void canReallocateAWholeAllocation() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, BETA, 50, days(1, 4, 8), "Priorities"))
                .expectEvents(new ResourceReallocatedEvent(RESOURCE, ALPHA, BETA, 50, days(1, 4, 8), "Priorities",
                        List.of(A1), List.of(), new Allocation(NEW, BETA, 50, days(1, 4, 8))));
    }

    @Test
    void reallocationSplitsAPartialOverlapExactly() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 1, 31)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, BETA, 20, days(1, 11, 20), "Priorities"))
                .expectEvents(new ResourceReallocatedEvent(RESOURCE, ALPHA, BETA, 20, days(1, 11, 20), "Priorities",
                        List.of(A1), List.of(
                        new Allocation(A1, ALPHA, 60, days(1, 1, 10)),
                        new Allocation(NEW.derived(A1 + "/inside"), ALPHA, 40, days(1, 11, 20)),
                        new Allocation(NEW.derived(A1 + "/after"), ALPHA, 60, days(1, 21, 31))),
                        new Allocation(NEW, BETA, 20, days(1, 11, 20))));
    }

    @Test
    void reallocationAcrossTwoSourceAllocationsSplitsEach() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 1, 10)), allocated(A2, ALPHA, 30, days(1, 11, 31)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, BETA, 30, days(1, 6, 15), "Priorities"))
                .expectEvents(new ResourceReallocatedEvent(RESOURCE, ALPHA, BETA, 30, days(1, 6, 15), "Priorities",
                        List.of(A1, A2), List.of(
                        new Allocation(A1, ALPHA, 50, days(1, 1, 5)),
                        new Allocation(NEW.derived(A1 + "/inside"), ALPHA, 20, days(1, 6, 10)),
                        new Allocation(A2, ALPHA, 30, days(1, 16, 31))),
                        new Allocation(NEW, BETA, 30, days(1, 6, 15))));
    }

    @Test
    void cannotReallocateMoreThanTheSourceHolds() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)), allocated(A2, BETA, 50, days(1, 4, 8)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, BETA, 80, days(1, 4, 8), "Overfill"))
                .expectException(allOf(refusedWith(CONFLICT), withDetails(Map.of("days", List.of(Map.of(
                        "start", "2027-01-04", "end", "2027-01-08", "allocatedPercent", 50,
                        "requestedPercent", 80))))))
                .expectNoEvents();
    }

    @Test
    void cannotReallocateDaysTheSourceDoesNotCover() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, BETA, 20, days(1, 6, 12), "Priorities"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("2027-01-09..2027-01-12 (0%)"))
                .expectNoEvents();
    }

    @Test
    void cannotReallocateFromOverlappingSourceAllocations() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 30, days(1, 4, 8)), allocated(A2, ALPHA, 30, days(1, 8, 12)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, BETA, 20, days(1, 4, 12), "Priorities"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("overlap on 2027-01-08"))
                .expectNoEvents();
    }

    @Test
    void cannotReallocateToAProjectThatIsNotApprovedOrActive() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, PROPOSED, 50, days(1, 4, 8), "Priorities"))
                .expectException(refusedWith(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotReallocateToAProjectOfAnotherPortfolio() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, ELSEWHERE, 50, days(1, 4, 8), "Priorities"))
                .expectException(refusedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void reallocationKeepsDaysAlreadyOverCapacityAsTheyWere() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 100, days(1, 4, 8)),
                        new ResourceAllocatedEvent(RESOURCE, new Allocation(A2, BETA, 20, days(1, 4, 8)), "Crunch",
                                List.of(days(1, 4, 8))))
                .when(new ReallocateResourceCommand(RESOURCE, NEW, ALPHA, GAMMA, 40, days(1, 4, 8), "Hand over"))
                .expectEvents(new ResourceReallocatedEvent(RESOURCE, ALPHA, GAMMA, 40, days(1, 4, 8), "Hand over",
                        List.of(A1), List.of(new Allocation(A1, ALPHA, 60, days(1, 4, 8))),
                        new Allocation(NEW, GAMMA, 40, days(1, 4, 8))));
    }

    @Test
    void reallocatedAllocationsCountForTheNextAllocation() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 60, days(1, 1, 31)),
                        new ResourceReallocatedEvent(RESOURCE, ALPHA, BETA, 20, days(1, 11, 20), "Priorities",
                                List.of(A1), List.of(new Allocation(A1, ALPHA, 60, days(1, 1, 10)),
                                new Allocation(A2, ALPHA, 40, days(1, 11, 20)),
                                new Allocation(A3, ALPHA, 60, days(1, 21, 31))),
                                new Allocation(NEW, BETA, 20, days(1, 11, 20))))
                .when(allocate(new AllocationId(uuid("a8")), GAMMA, 50, days(1, 15, 25)))
                .expectException(capacityExceeded(List.of(overDay("2027-01-15", "2027-01-25", 110, 100, false)),
                        List.of(A2, NEW, A3)))
                .expectNoEvents();
    }

    // --- releases ---

    @Test
    void releaseEndsTheAllocationTheDayBefore() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)))
                .when(new ReleaseResourceCommand(RESOURCE, A1, day(1, 16), "Done early"))
                .expectEvents(new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 16), days(1, 4, 15), "Done early"));
    }

    @Test
    void releaseOnOrBeforeTheFirstDayReleasesAllOfIt() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)))
                .when(new ReleaseResourceCommand(RESOURCE, A1, day(1, 4), null))
                .expectEvents(new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 4), null, null));
    }

    @Test
    void releaseAfterTheLastDayChangesNothing() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)))
                .when(new ReleaseResourceCommand(RESOURCE, A1, day(2, 1), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasingAgainChangesNothing() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)),
                        new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 1), null, null))
                .when(new ReleaseResourceCommand(RESOURCE, A1, day(1, 1), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReleaseAnUnknownAllocation() {
        fixture.given(REGISTERED)
                .when(new ReleaseResourceCommand(RESOURCE, A1, day(1, 1), null))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void releasedDaysAreFreeAgain() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 100, days(1, 4, 31)),
                        new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 16), days(1, 4, 15), null))
                .when(allocate(NEW, BETA, 100, days(1, 16, 31)))
                .expectEvents(allocated(NEW, BETA, 100, days(1, 16, 31)));
    }

    @Test
    void releasingAProjectEndsEachOfItsAllocationsFromTheDate() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)), allocated(A2, ALPHA, 20, days(2, 1, 28)),
                        allocated(A3, BETA, 30, days(1, 4, 31)), allocated(NEW, ALPHA, 10, days(1, 1, 10)))
                .when(new ReleaseProjectAllocationsCommand(RESOURCE, ALPHA, day(1, 20), "Project cancelled: budget"))
                .expectEvents(
                        new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 20), days(1, 4, 19),
                                "Project cancelled: budget"),
                        new ResourceReleasedEvent(RESOURCE, A2, ALPHA, day(1, 20), null, "Project cancelled: budget"));
    }

    @Test
    void releasingAProjectAgainChangesNothing() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)),
                        new ResourceReleasedEvent(RESOURCE, A1, ALPHA, day(1, 20), days(1, 4, 19), "Cancelled"))
                .when(new ReleaseProjectAllocationsCommand(RESOURCE, ALPHA, day(1, 20), "Cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- retirement ---

    @Test
    void canRetireWhenNoAllocationReachesTheDate() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)))
                .when(new RetireResourceCommand(RESOURCE, day(2, 1)))
                .expectEvents(new ResourceRetiredEvent(RESOURCE, day(2, 1)));
    }

    @Test
    void cannotRetireWhileAllocationsExtendOnOrAfterTheDate() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 31)), allocated(A2, BETA, 50, days(1, 4, 8)))
                .when(new RetireResourceCommand(RESOURCE, day(1, 31)))
                .expectException(allOf(refusedWith(CONFLICT),
                        withDetails(Map.of("allocations", List.of(A1.toString())))))
                .expectNoEvents();
    }

    @Test
    void cannotRetireTwice() {
        fixture.given(REGISTERED, new ResourceRetiredEvent(RESOURCE, day(2, 1)))
                .when(new RetireResourceCommand(RESOURCE, day(3, 1)))
                .expectException(refusedWith(ILLEGAL_TRANSITION))
                .expectNoEvents();
    }

    // --- time log ---

    private static TimeLoggedEvent logged(TimeEntryId id, LocalDate date, String hours, Money rate, String cost) {
        return new TimeLoggedEvent(RESOURCE, id, ALPHA, date, new BigDecimal(hours), null, rate, Money.of(cost, "EUR"));
    }

    private static LogTimeCommand logTime(TimeEntryId id, LocalDate date, String hours) {
        return new LogTimeCommand(RESOURCE, id, ALPHA, date, new BigDecimal(hours), null);
    }

    @Test
    void loggedTimeCostsHoursTimesTheRate() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(logTime(T1, day(1, 5), "7.5"))
                .expectEvents(logged(T1, day(1, 5), "7.5", RATE, "600.00"));
    }

    @Test
    void costIsRoundedHalfEvenToTheCurrencysMinorUnits() {
        Money rate = Money.of("10.05", "EUR");
        fixture.given(new ResourceRegisteredEvent(RESOURCE, PORTFOLIO, "Ada", "Developer", SKILLS, 100, rate,
                        day(1, 1)), allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(logTime(T1, day(1, 5), "0.5"))
                .expectEvents(logged(T1, day(1, 5), "0.5", rate, "5.02"));
    }

    @Test
    void eachEntryCostsTheRateInEffectOnItsDate() {
        Money raised = Money.of("100.00", "EUR");
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 15)),
                        new ResourceCostRateChangedEvent(RESOURCE, raised, day(1, 11)),
                        logged(T1, day(1, 8), "2", RATE, "160.00"))
                .when(logTime(T2, day(1, 12), "2"))
                .expectEvents(logged(T2, day(1, 12), "2", raised, "200.00"));
    }

    @Test
    void cannotLogTimeOnADayOutsideTheAllocation() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(logTime(T1, day(1, 9), "1"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("not allocated"))
                .expectNoEvents();
    }

    @Test
    void cannotLogTimeOnAProjectTheResourceIsNotAllocatedTo() {
        fixture.given(REGISTERED, allocated(A1, BETA, 50, days(1, 4, 8)))
                .when(logTime(T1, day(1, 5), "1"))
                .expectException(refusedWith(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotLogMoreThan24HoursOnADay() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)),
                        logged(T1, day(1, 5), "20", RATE, "1600.00"))
                .when(logTime(T2, day(1, 5), "4.25"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("exceed 24"))
                .expectNoEvents();
    }

    @Test
    void reversedHoursNoLongerCountTowardsTheDay() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)),
                        logged(T1, day(1, 5), "20", RATE, "1600.00"),
                        new TimeLogReversedEvent(RESOURCE, T1, ALPHA, day(1, 5), new BigDecimal("20"),
                                Money.of("1600.00", "EUR"), "Typo"))
                .when(logTime(T2, day(1, 5), "8"))
                .expectEvents(logged(T2, day(1, 5), "8", RATE, "640.00"));
    }

    @Test
    void cannotLogTimeBeforeTheFirstRate() {
        fixture.given(new ResourceRegisteredEvent(RESOURCE, PORTFOLIO, "Ada", "Developer", SKILLS, 100, RATE,
                        day(1, 6)), allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(logTime(T1, day(1, 5), "1"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("no cost rate"))
                .expectNoEvents();
    }

    @Test
    void cannotLogTimeOnOrAfterRetirement() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)), new ResourceRetiredEvent(RESOURCE, day(1, 9)))
                .when(logTime(T1, day(1, 9), "1"))
                .expectException(refusedWith(CONFLICT))
                .expectExceptionMessage(containsString("retired"))
                .expectNoEvents();
    }

    @Test
    void cannotReuseATimeEntryId() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)), logged(T1, day(1, 5), "1", RATE, "80.00"))
                .when(logTime(T1, day(1, 6), "1"))
                .expectException(refusedWith(ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void reversalRepeatsTheEntry() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)), logged(T1, day(1, 5), "7.5", RATE, "600.00"))
                .when(new ReverseTimeLogCommand(RESOURCE, T1, "Wrong project"))
                .expectEvents(new TimeLogReversedEvent(RESOURCE, T1, ALPHA, day(1, 5), new BigDecimal("7.5"),
                        Money.of("600.00", "EUR"), "Wrong project"));
    }

    @Test
    void cannotReverseAnEntryTwice() {
        fixture.given(REGISTERED, allocated(A1, ALPHA, 50, days(1, 4, 8)), logged(T1, day(1, 5), "7.5", RATE, "600.00"),
                        new TimeLogReversedEvent(RESOURCE, T1, ALPHA, day(1, 5), new BigDecimal("7.5"),
                                Money.of("600.00", "EUR"), "Wrong project"))
                .when(new ReverseTimeLogCommand(RESOURCE, T1, "Again"))
                .expectException(refusedWith(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cannotReverseAnUnknownEntry() {
        fixture.given(REGISTERED)
                .when(new ReverseTimeLogCommand(RESOURCE, T1, "Typo"))
                .expectException(refusedWith(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void currencyOfTheCostIsThePortfoliosWhateverTheRateScale() {
        Money yenRate = new Money(new BigDecimal("1500"), Currency.getInstance("JPY"));
        fixture.given(new ResourceRegisteredEvent(RESOURCE, PORTFOLIO, "Ada", "Developer", SKILLS, 100, yenRate,
                        day(1, 1)), allocated(A1, ALPHA, 50, days(1, 4, 8)))
                .when(logTime(T1, day(1, 5), "0.33"))
                .expectEvents(new TimeLoggedEvent(RESOURCE, T1, ALPHA, day(1, 5), new BigDecimal("0.33"), null,
                        yenRate, new Money(new BigDecimal("495"), Currency.getInstance("JPY"))));
    }
}
