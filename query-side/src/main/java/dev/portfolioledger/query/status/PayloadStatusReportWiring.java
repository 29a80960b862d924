package dev.portfolioledger.query.status;

import dev.portfolioledger.query.instant.RecordInstant;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.query.payload.PayloadFieldWiring;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The {@code statusReport} field of {@code PublishStatusReportPayload}, answered after read your
 * writes (see {@link PayloadFieldWiring}): the report as published, with its comparison.
 */
@Component
class PayloadStatusReportWiring extends PayloadFieldWiring<StatusReportView> {

    private final StatusReports reports;

    PayloadStatusReportWiring(ProjectionCatchUp catchUp, StatusReports reports) {
        super("statusReport", "StatusReport", catchUp);
        this.reports = reports;
    }

    @Override
    protected Optional<StatusReportView> find(String aggregateId) {
        return reports.find(UUID.fromString(aggregateId), RecordInstant.LIVE);
    }
}
