package dev.portfolioledger.api.status;

import dev.portfolioledger.api.project.ProjectId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A status report of a project was published for a period, as its manager rates it. It is never
 * edited; {@code supersedes} names the report it corrects, if any.
 */
@Revision("1")
public record StatusReportPublishedEvent(
        StatusReportId statusReportId,
        ProjectId projectId,
        LocalDate periodStart,
        LocalDate periodEnd,
        Rag overall,
        Rag scope,
        Rag schedule,
        Rag cost,
        String summary,
        List<String> accomplishments,
        List<String> nextSteps,
        List<String> decisionsNeeded,
        StatusReportId supersedes) implements StatusReportEvent {
}
