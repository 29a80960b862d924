package dev.portfolioledger.api.program;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an open program a new name. */
public record RenameProgramCommand(@TargetAggregateIdentifier ProgramId programId, String name) {

    public RenameProgramCommand {
        Checks.required(programId, "programId");
        name = Checks.name(name, "name");
    }
}
