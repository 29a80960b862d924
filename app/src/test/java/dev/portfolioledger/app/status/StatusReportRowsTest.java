package dev.portfolioledger.app.status;

import dev.portfolioledger.query.instant.RecordInstant;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.Rag;
import dev.portfolioledger.api.status.StatusReportId;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.query.status.StatusReportView;
import dev.portfolioledger.query.status.StatusReports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * status_report_view on the real database: a report and its correction give the same answers in
 * whichever order their rows are written (two segments of a replay may write them in either), and
 * a redelivered report changes nothing.
 */
class StatusReportRowsTest extends GraphQlIntegrationTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 30);

    @Autowired
    private StatusReports reports;

    private static StatusReportPublishedEvent event(StatusReportId id, ProjectId project, StatusReportId supersedes) {
        return new StatusReportPublishedEvent(id, project, END.minusDays(13), END, Rag.GREEN, Rag.GREEN, Rag.AMBER,
                                              Rag.RED, "Summary", List.of("Done"), List.of(), List.of("Decide"),
                                              supersedes);
    }

    @Test
    void aCorrectionWrittenBeforeTheReportItSupersedesStillSupersedesIt() {
        ProjectId project = new ProjectId(UUID.randomUUID());
        StatusReportId original = StatusReportId.random();
        StatusReportId correction = StatusReportId.random();
        reports.record(List.of(new StatusReports.Published(event(correction, project, original), "pm", "Wrong", 2_000)));
        reports.record(List.of(new StatusReports.Published(event(original, project, null), "pm", null, 1_000)));
        // redelivered: nothing changes
        reports.record(List.of(new StatusReports.Published(event(original, project, null), "other", "x", 1_500)));

        StatusReportView live = reports.find(original.value(), RecordInstant.LIVE).orElseThrow();
        assertThat(live.supersededBy()).isEqualTo(correction.value());
        assertThat(live.supersededAt().toEpochMilli()).isZero(); // 2,000 ns after the epoch
        assertThat(live.publishedBy()).isEqualTo("pm");
        assertThat(live.recordedNs()).isEqualTo(1_000);
        assertThat(live.accomplishments()).containsExactly("Done");
        assertThat(live.decisionsNeeded()).containsExactly("Decide");
        assertThat(reports.find(original.value(), 1_999).orElseThrow().superseded()).isFalse();
        assertThat(reports.find(original.value(), 999)).isEmpty();

        assertThat(reports.latestOf(List.of(project.value()), RecordInstant.LIVE))
                .containsOnlyKeys(project.value())
                .extractingByKey(project.value()).extracting(StatusReportView::id).isEqualTo(correction.value());
        Map<UUID, StatusReportView> before = reports.latestOf(List.of(project.value()), 1_999);
        assertThat(before.get(project.value()).id()).isEqualTo(original.value());
        assertThat(reports.page(project.value(), RecordInstant.LIVE, null, 10)).extracting(StatusReportView::id)
                .containsExactly(correction.value(), original.value());
    }
}
