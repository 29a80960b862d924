package dev.portfolioledger.command.program;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.CloseProgramCommand;
import dev.portfolioledger.api.program.CreateProgramCommand;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.program.RenameProgramCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The program mutations of program-mutations.graphqls. Each returns the command's receipt; the
 * payload's {@code program} field is resolved by the query side once its view caught up.
 */
@Controller
public class ProgramMutationController {

    private final AuditedCommandGateway commands;

    public ProgramMutationController(AuditedCommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_PROGRAMS)
    public CommandReceipt createProgram(@Argument CreateProgramInput input) {
        // Ids are chosen before the command exists so the aggregate never generates one.
        ProgramId programId = input.programId() == null ? ProgramId.random() : ProgramId.of(input.programId());
        var command = new CreateProgramCommand(programId, PortfolioId.of(input.portfolioId()), input.name(),
                input.manager(), input.objectives());
        return commands.create(command, programId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_PROGRAMS)
    public CommandReceipt renameProgram(@Argument RenameProgramInput input) {
        ProgramId programId = ProgramId.of(input.programId());
        return commands.send(new RenameProgramCommand(programId, input.name()), programId, input.reason());
    }

    @MutationMapping
    @PreAuthorize(Roles.MANAGE_PROGRAMS)
    public CommandReceipt closeProgram(@Argument CloseProgramInput input) {
        ProgramId programId = ProgramId.of(input.programId());
        return commands.send(new CloseProgramCommand(programId), programId, input.reason());
    }
}
