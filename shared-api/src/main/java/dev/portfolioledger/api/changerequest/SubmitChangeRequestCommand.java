package dev.portfolioledger.api.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Propose changes to an approved project's baseline. The submitter is the actor in the metadata. */
public record SubmitChangeRequestCommand(
        @TargetAggregateIdentifier ProjectId projectId,
        ChangeRequestId changeRequestId,
        String title,
        String justification,
        List<ProposedChange> changes) {

    public static final int MAX_CHANGES = 100;

    public SubmitChangeRequestCommand {
        Checks.required(projectId, "projectId");
        Checks.required(changeRequestId, "changeRequestId");
        title = Checks.name(title, "title");
        justification = Checks.text(justification, "justification", Checks.TEXT_MAX);
        Checks.required(changes, "changes");
        if (changes.isEmpty()) {
            throw Checks.invalid("changes must hold at least one change");
        }
        if (changes.size() > MAX_CHANGES) {
            throw Checks.invalid("changes may hold at most " + MAX_CHANGES + " entries");
        }
        if (changes.stream().anyMatch(change -> change == null)) {
            throw Checks.invalid("changes must not hold an empty entry");
        }
        ProposedChange[] checked = new ProposedChange[changes.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = changes.get(i).checkedInput("changes[" + i + "]");
        }
        changes = List.of(checked);
    }
}
