package dev.portfolioledger.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.portfolio.PortfolioCreatedEvent;
import dev.portfolioledger.api.program.ProgramCreatedEvent;
import dev.portfolioledger.api.project.ProjectApprovedEvent;
import dev.portfolioledger.api.project.ProjectCancelledEvent;
import dev.portfolioledger.api.project.ProjectEvent;
import dev.portfolioledger.api.project.ProjectProposedEvent;
import dev.portfolioledger.api.project.ProjectPutOnHoldEvent;
import dev.portfolioledger.api.project.ProjectResumedEvent;
import dev.portfolioledger.api.project.ProjectStartedEvent;
import dev.portfolioledger.api.status.StatusReportPublishedEvent;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.config.AxonInfrastructureConfiguration;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Revision;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the scale data set straight into the event store, as Axon's JDBC engine would have
 * stored it, in far less time than a year of commands through the gateway: payloads and metadata
 * serialized by the app's own event mapper, the aggregate type, payload type and revision Axon
 * writes, record times in its format, and the audit metadata every stamped command leaves on its
 * events. The command-side lookup tables are filled too, so the seeded aggregates take commands.
 */
final class ScaleSeeder {

    /** As application.yml lists them (spring.flyway.locations). */
    private static final String[] MIGRATIONS = {"classpath:db/migration/axon", "classpath:db/migration/command",
            "classpath:db/migration/query"};
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    record Seeded(long events, double seconds, double vacuumSeconds, Map<String, Long> mix) {
    }

    private final BenchDatabase database;
    private final BenchmarkOptions options;
    /** The mapper the app's Jackson serializer uses for events and metadata. */
    private final ObjectMapper mapper = new AxonInfrastructureConfiguration().defaultAxonObjectMapper();
    private final Map<Class<?>, String> revisions = new ConcurrentHashMap<>();

    ScaleSeeder(BenchDatabase database, BenchmarkOptions options) {
        this.database = database;
        this.options = options;
    }

    /**
     * Creates the app's schema the way the app would at start: running its migrations here lets
     * the events go in before any processor has claimed a token, so the first start of the app is
     * a replay from an empty read side, with nothing of the app to stop or clean up first.
     */
    void migrate() {
        Flyway.configure().dataSource(database.jdbcUrl(), options.user(), options.password())
                .locations(MIGRATIONS).load().migrate();
    }

    Seeded seed(ScaleHistory history) throws SQLException, JsonProcessingException {
        long start = System.nanoTime();
        Map<String, Long> mix = new TreeMap<>();
        long events = 0;
        Properties properties = new Properties();
        properties.setProperty("user", options.user());
        properties.setProperty("password", options.password());
        // one multi-row INSERT per batch instead of a round trip per row
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (ScaleHistory.Decision decision : history.decisions()) {
                    byte[] metadata = mapper.writeValueAsBytes(metadata(decision));
                    for (int i = 0; i < decision.events().size(); i++) {
                        Object event = decision.events().get(i);
                        insert.setString(1, decision.aggregateId());
                        insert.setLong(2, decision.firstSequence() + i);
                        insert.setString(3, decision.aggregateType());
                        insert.setString(4, decision.eventIds().get(i).toString());
                        insert.setBytes(5, metadata);
                        insert.setBytes(6, mapper.writeValueAsBytes(event));
                        insert.setString(7, revision(event.getClass()));
                        insert.setString(8, event.getClass().getName());
                        insert.setString(9, DateTimeUtils.formatInstant(decision.times().get(i)));
                        insert.addBatch();
                        mix.merge(event.getClass().getSimpleName(), 1L, Long::sum);
                        events++;
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            fillLookups(connection, history);
            connection.commit();
        }
        long vacuum = System.nanoTime();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // what autovacuum would have done to a table that grew over a year
            statement.execute("VACUUM ANALYZE domainevententry");
        }
        long end = System.nanoTime();
        return new Seeded(events, (end - start) / 1e9, (end - vacuum) / 1e9, mix);
    }

    /**
     * What {@code AuditCommandDispatchInterceptor} stamps on the command and
     * {@code AuditCorrelationDataProvider} copies to its events; the causation and correlation id
     * are the command's identifier, shared by the events of one decision.
     */
    private static Map<String, String> metadata(ScaleHistory.Decision decision) {
        Map<String, String> metadata = new TreeMap<>();
        metadata.put(AuditMetadata.ACTOR, decision.actor());
        metadata.put(AuditMetadata.COMMAND_NAME, decision.commandName());
        metadata.put(AuditMetadata.CORRELATION_ID, decision.commandId().toString());
        metadata.put(AuditMetadata.CAUSATION_ID, decision.commandId().toString());
        metadata.put(AuditMetadata.REQUEST_ID, decision.requestId().toString());
        if (decision.reason() != null) {
            metadata.put(AuditMetadata.REASON, decision.reason());
        }
        return metadata;
    }

    private String revision(Class<?> type) {
        return revisions.computeIfAbsent(type, t -> {
            Revision revision = t.getAnnotation(Revision.class);
            if (revision == null) {
                throw new IllegalStateException(t.getName() + " has no @Revision");
            }
            return revision.value();
        });
    }

    /** The rows the command side's lookup projection would have written in each command's transaction. */
    private static void fillLookups(Connection connection, ScaleHistory history) throws SQLException {
        // a project's row carries its newest lifecycle status (ProjectDirectoryProjection's)
        Map<UUID, String> projectStatus = new HashMap<>();
        for (ScaleHistory.Decision decision : history.decisions()) {
            for (Object event : decision.events()) {
                String status = event instanceof ProjectProposedEvent ? "PROPOSED"
                        : event instanceof ProjectApprovedEvent ? "APPROVED"
                        : event instanceof ProjectStartedEvent || event instanceof ProjectResumedEvent ? "ACTIVE"
                        : event instanceof ProjectPutOnHoldEvent ? "ON_HOLD"
                        : event instanceof ProjectCancelledEvent ? "CANCELLED" : null;
                if (status != null) {
                    projectStatus.put(((ProjectEvent) event).projectId().value(), status);
                }
            }
        }
        try (PreparedStatement portfolio = connection.prepareStatement("INSERT INTO portfolio_directory "
                + "(portfolio_id, name_key, status, currency) VALUES (?, ?, 'ACTIVE', ?)");
             PreparedStatement program = connection.prepareStatement(
                     "INSERT INTO program_directory (program_id, portfolio_id, status) VALUES (?, ?, 'OPEN')");
             PreparedStatement project = connection.prepareStatement(
                     "INSERT INTO project_directory (project_id, portfolio_id, program_id, status) VALUES (?, ?, ?, ?)")) {
            for (ScaleHistory.Decision decision : history.decisions()) {
                for (Object event : decision.events()) {
                    if (event instanceof PortfolioCreatedEvent created) {
                        portfolio.setObject(1, created.portfolioId().value());
                        // PortfolioDirectory's name key
                        portfolio.setString(2, created.name().strip().toLowerCase(Locale.ROOT));
                        portfolio.setString(3, created.currency().getCurrencyCode());
                        portfolio.executeUpdate();
                    } else if (event instanceof ProgramCreatedEvent created) {
                        program.setObject(1, created.programId().value());
                        program.setObject(2, created.portfolioId().value());
                        program.addBatch();
                    } else if (event instanceof ProjectProposedEvent proposed) {
                        project.setObject(1, proposed.projectId().value());
                        project.setObject(2, proposed.portfolioId().value());
                        project.setObject(3, proposed.programId() == null ? null : proposed.programId().value());
                        project.setString(4, projectStatus.get(proposed.projectId().value()));
                        project.addBatch();
                    }
                }
            }
            program.executeBatch();
            project.executeBatch();
        }
        // StatusReportCommandHandler's claims, then which report each correction superseded
        try (PreparedStatement report = connection.prepareStatement(
                "INSERT INTO status_report_directory (status_report_id, project_id) VALUES (?, ?)");
             PreparedStatement superseded = connection.prepareStatement(
                     "UPDATE status_report_directory SET superseded_by = ? WHERE status_report_id = ?")) {
            boolean corrections = false;
            for (ScaleHistory.Decision decision : history.decisions()) {
                for (Object event : decision.events()) {
                    if (event instanceof StatusReportPublishedEvent published) {
                        report.setObject(1, published.statusReportId().value());
                        report.setObject(2, published.projectId().value());
                        report.addBatch();
                        if (published.supersedes() != null) {
                            superseded.setObject(1, published.statusReportId().value());
                            superseded.setObject(2, published.supersedes().value());
                            superseded.addBatch();
                            corrections = true;
                        }
                    }
                }
            }
            report.executeBatch();
            if (corrections) {
                superseded.executeBatch();
            }
        }
    }
}
