package dev.portfolioledger.query.project;

import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.query.paging.NameKey;
import dev.portfolioledger.query.paging.PageRequest;

/** One program's requested page of projects, as a key of the batch that loads many at once. */
public record ProgramProjectsKey(ProgramId programId, PageRequest<NameKey> page) {
}
