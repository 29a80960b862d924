package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.AllocateResourceCommand;
import dev.portfolioledger.api.resource.AllocationId;
import dev.portfolioledger.api.resource.ChangeResourceCapacityCommand;
import dev.portfolioledger.api.resource.ChangeResourceCostRateCommand;
import dev.portfolioledger.api.resource.LeaveId;
import dev.portfolioledger.api.resource.LogTimeCommand;
import dev.portfolioledger.api.resource.Period;
import dev.portfolioledger.api.resource.ReallocateResourceCommand;
import dev.portfolioledger.api.resource.RecordResourceLeaveCommand;
import dev.portfolioledger.api.resource.RegisterResourceCommand;
import dev.portfolioledger.api.resource.ReleaseResourceCommand;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.api.resource.RetireResourceCommand;
import dev.portfolioledger.api.resource.ReverseTimeLogCommand;
import dev.portfolioledger.api.resource.Skill;
import dev.portfolioledger.api.resource.TimeEntryId;
import dev.portfolioledger.api.resource.UpdateResourceSkillsCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.command.project.MoneyInput;
import graphql.execution.DataFetcherResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.LocalContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

import static dev.portfolioledger.command.NewEntityIds.NEW_ID;
import static dev.portfolioledger.command.NewEntityIds.newId;
import static dev.portfolioledger.command.NewEntityIds.withNewId;

/**
 * The resource mutations of resource-mutations.graphqls. Each returns the command's receipt as the
 * payload's source (the query side resolves {@code resource} from it once its views caught up);
 * the payloads that name something new carry its id beside the receipt, in the local context.
 */
@Controller
public class ResourceMutationController {

    private final AuditedCommandGateway commands;

    public ResourceMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt registerResource(@Argument RegisterResourceInput input) {
        // Ids are chosen before the command exists so the aggregate never generates one.
        ResourceId resourceId = input.resourceId() == null ? ResourceId.random() : ResourceId.of(input.resourceId());
        var command = new RegisterResourceCommand(resourceId, PortfolioId.of(Checks.required(input.portfolioId(),
                "portfolioId")), input.name(), input.role(), skills(input.skills()), input.capacityPercent(),
                money(input.costRate(), "costRate"), input.rateEffectiveFrom());
        return commands.create(command, resourceId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt updateResourceSkills(@Argument UpdateResourceSkillsInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        return commands.send(new UpdateResourceSkillsCommand(resourceId, skills(input.skills())), resourceId,
                input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt changeResourceCapacity(@Argument ChangeResourceCapacityInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        var command = new ChangeResourceCapacityCommand(resourceId, input.capacityPercent(), input.effectiveFrom());
        return commands.send(command, resourceId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt changeResourceCostRate(@Argument ChangeResourceCostRateInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        var command = new ChangeResourceCostRateCommand(resourceId, money(input.costRate(), "costRate"),
                input.effectiveFrom());
        return commands.send(command, resourceId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt recordResourceLeave(@Argument RecordResourceLeaveInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        LeaveId leaveId = input.leaveId() == null ? new LeaveId(newId("leave")) : LeaveId.of(input.leaveId());
        var command = new RecordResourceLeaveCommand(resourceId, leaveId, period(input.start(), input.end()),
                input.reason());
        return commands.send(command, resourceId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt retireResource(@Argument RetireResourceInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        return commands.send(new RetireResourceCommand(resourceId, input.retiredFrom()), resourceId, input.reason());
    }

    /** The reason is the over-allocation's reason when it is allowed, and the audit trail's in any case. */
    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public DataFetcherResult<CommandReceipt> allocateResource(@Argument AllocateResourceInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        AllocationId allocationId = input.allocationId() == null
                ? new AllocationId(newId("allocation")) : AllocationId.of(input.allocationId());
        boolean allowOverallocation = Boolean.TRUE.equals(input.allowOverallocation());
        String reason = Checks.reason(input.reason());
        var command = new AllocateResourceCommand(resourceId, allocationId, projectId(input.projectId(), "projectId"),
                input.percent(), period(input.start(), input.end()), allowOverallocation,
                allowOverallocation ? reason : null);
        return withNewId(commands.send(command, resourceId, reason), allocationId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public DataFetcherResult<CommandReceipt> reallocateResource(@Argument ReallocateResourceInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        AllocationId allocationId = input.allocationId() == null
                ? new AllocationId(newId("allocation")) : AllocationId.of(input.allocationId());
        var command = new ReallocateResourceCommand(resourceId, allocationId,
                projectId(input.fromProjectId(), "fromProjectId"), projectId(input.toProjectId(), "toProjectId"),
                input.percent(), period(input.start(), input.end()), input.reason());
        return withNewId(commands.send(command, resourceId, input.reason()), allocationId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_RESOURCES)
    public CommandReceipt releaseResource(@Argument ReleaseResourceInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        var command = new ReleaseResourceCommand(resourceId,
                AllocationId.of(Checks.required(input.allocationId(), "allocationId")), input.releaseFrom(),
                input.reason());
        return commands.send(command, resourceId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.LOG_TIME)
    public DataFetcherResult<CommandReceipt> logTime(@Argument LogTimeInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        TimeEntryId timeEntryId = input.timeEntryId() == null
                ? new TimeEntryId(newId("time entry")) : TimeEntryId.of(input.timeEntryId());
        var command = new LogTimeCommand(resourceId, timeEntryId, projectId(input.projectId(), "projectId"),
                input.date(), input.hours(), input.note());
        return withNewId(commands.send(command, resourceId, input.reason()), timeEntryId.toString());
    }

    @MutationMapping
    @PreAuthorize(Roles.CORRECT_TIME)
    public CommandReceipt reverseTimeLog(@Argument ReverseTimeLogInput input) {
        ResourceId resourceId = resourceId(input.resourceId());
        var command = new ReverseTimeLogCommand(resourceId,
                TimeEntryId.of(Checks.required(input.timeEntryId(), "timeEntryId")), input.reason());
        return commands.send(command, resourceId, input.reason());
    }

    @SchemaMapping(typeName = "AllocateResourcePayload", field = "allocationId")
    public String allocatedId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "ReallocateResourcePayload", field = "allocationId")
    public String reallocatedId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    @SchemaMapping(typeName = "LogTimePayload", field = "timeEntryId")
    public String timeEntryId(@LocalContextValue(name = NEW_ID) String id) {
        return id;
    }

    private static ResourceId resourceId(String id) {
        return ResourceId.of(Checks.required(id, "resourceId"));
    }

    private static ProjectId projectId(String id, String field) {
        return ProjectId.of(Checks.required(id, field));
    }

    private static Period period(java.time.LocalDate start, java.time.LocalDate end) {
        return new Period(Checks.required(start, "start"), Checks.required(end, "end"));
    }

    private static Money money(MoneyInput input, String field) {
        return Checks.required(input, field).toMoney(field);
    }

    private static List<Skill> skills(List<SkillInput> skills) {
        return skills == null ? List.of()
                : skills.stream().map(skill -> skill == null ? null : new Skill(skill.name(), skill.level())).toList();
    }
}
