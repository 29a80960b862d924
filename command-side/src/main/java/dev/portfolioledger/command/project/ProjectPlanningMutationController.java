package dev.portfolioledger.command.project;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.AddDeliverableCommand;
import dev.portfolioledger.api.project.DefineProjectObjectivesCommand;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.MilestoneId;
import dev.portfolioledger.api.project.PlanBudgetLineCommand;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.RemoveDeliverableCommand;
import dev.portfolioledger.api.project.RemoveMilestoneCommand;
import dev.portfolioledger.api.project.ReviseDeliverableCommand;
import dev.portfolioledger.api.project.ReviseMilestoneCommand;
import dev.portfolioledger.api.project.ScheduleMilestoneCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * The planning mutations of project-planning-mutations.graphqls. Each returns the command's
 * receipt; the payload's {@code project} field is resolved by the query side.
 */
@Controller
public class ProjectPlanningMutationController {

    private final AuditedCommandGateway commands;

    public ProjectPlanningMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt addDeliverable(@Argument AddDeliverableInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        // Ids are chosen before the command exists so the aggregate never generates one.
        DeliverableId deliverableId = input.deliverableId() == null
                ? DeliverableId.random() : DeliverableId.of(input.deliverableId());
        var command = new AddDeliverableCommand(projectId, deliverableId, input.name(), input.description(),
                input.acceptanceCriteria(), money(input.plannedCost(), "plannedCost"), input.plannedStart(),
                input.plannedFinish());
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt reviseDeliverable(@Argument ReviseDeliverableInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new ReviseDeliverableCommand(projectId, DeliverableId.of(input.deliverableId()), input.name(),
                input.description(), input.acceptanceCriteria(), money(input.plannedCost(), "plannedCost"),
                input.plannedStart(), input.plannedFinish());
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt removeDeliverable(@Argument RemoveDeliverableInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new RemoveDeliverableCommand(projectId, DeliverableId.of(input.deliverableId()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt scheduleMilestone(@Argument ScheduleMilestoneInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        MilestoneId milestoneId = input.milestoneId() == null
                ? MilestoneId.random() : MilestoneId.of(input.milestoneId());
        var command = new ScheduleMilestoneCommand(projectId, milestoneId, input.name(), input.dueDate(),
                deliverableIds(input.deliverableIds()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt reviseMilestone(@Argument ReviseMilestoneInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new ReviseMilestoneCommand(projectId, MilestoneId.of(input.milestoneId()), input.name(),
                input.dueDate(), deliverableIds(input.deliverableIds()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt removeMilestone(@Argument RemoveMilestoneInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new RemoveMilestoneCommand(projectId, MilestoneId.of(input.milestoneId()));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt planBudgetLine(@Argument PlanBudgetLineInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new PlanBudgetLineCommand(projectId, input.category(), money(input.amount(), "amount"));
        return commands.send(command, projectId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.PLAN_PROJECTS)
    public CommandReceipt defineProjectObjectives(@Argument DefineProjectObjectivesInput input) {
        ProjectId projectId = ProjectId.of(input.projectId());
        var command = new DefineProjectObjectivesCommand(projectId, input.objectives());
        return commands.send(command, projectId, input.reason());
    }

    private static Money money(MoneyInput input, String field) {
        return Checks.required(input, field).toMoney(field);
    }

    private static List<DeliverableId> deliverableIds(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(DeliverableId::of).toList();
    }
}
