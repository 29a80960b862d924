package dev.portfolioledger.api.program;

import dev.portfolioledger.api.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a program: it takes no new projects. */
public record CloseProgramCommand(@TargetAggregateIdentifier ProgramId programId) {

    public CloseProgramCommand {
        Checks.required(programId, "programId");
    }
}
