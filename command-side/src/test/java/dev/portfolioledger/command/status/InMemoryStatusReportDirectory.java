package dev.portfolioledger.command.status;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.status.StatusReportId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The status report directory without a database, for aggregate fixtures. */
class InMemoryStatusReportDirectory implements StatusReportDirectory {

    private final Map<StatusReportId, Entry> reports = new HashMap<>();

    @Override
    public boolean claim(StatusReportId statusReportId, ProjectId projectId) {
        return reports.putIfAbsent(statusReportId, new Entry(statusReportId, projectId, null)) == null;
    }

    @Override
    public Optional<Entry> find(StatusReportId statusReportId) {
        return Optional.ofNullable(reports.get(statusReportId));
    }

    @Override
    public boolean supersede(StatusReportId superseded, StatusReportId by) {
        Entry entry = reports.get(superseded);
        if (entry == null || entry.supersededBy() != null) {
            return false;
        }
        reports.put(superseded, new Entry(superseded, entry.projectId(), by));
        return true;
    }
}
