package dev.portfolioledger.api.program;

import org.axonframework.serialization.Revision;

/** A program was closed. */
@Revision("1")
public record ProgramClosedEvent(ProgramId programId) {
}
