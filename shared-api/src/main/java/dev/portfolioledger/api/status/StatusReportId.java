package dev.portfolioledger.api.status;

import dev.portfolioledger.api.Checks;

import java.util.Objects;
import java.util.UUID;

/** Identifies one published status report. Its string form is the bare UUID. */
public record StatusReportId(UUID value) {

    public StatusReportId {
        Objects.requireNonNull(value, "StatusReportId value");
    }

    public static StatusReportId of(String value) {
        return new StatusReportId(Checks.uuid(value, "status report id"));
    }

    public static StatusReportId random() {
        return new StatusReportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
