package dev.portfolioledger.api.program;

import org.axonframework.serialization.Revision;

/** A program was given a new name. */
@Revision("1")
public record ProgramRenamedEvent(ProgramId programId, String previousName, String name) {
}
