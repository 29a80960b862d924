package dev.portfolioledger.app.evidence;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.finance.CostLedgerId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.app.integrity.AuditCheckpoints;
import dev.portfolioledger.app.integrity.IntegrityEnabled;
import dev.portfolioledger.app.integrity.IntegrityKeys;
import dev.portfolioledger.app.integrity.IntegrityLogAppender;
import dev.portfolioledger.app.integrity.IntegrityLog;
import dev.portfolioledger.app.integrity.StoredCheckpoint;
import dev.portfolioledger.app.integrity.StoredEvents;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.integrity.EvidenceBundle.Member;
import dev.portfolioledger.axon.integrity.EvidenceBundle.Period;
import dev.portfolioledger.axon.integrity.EvidenceBundle.Subject;
import dev.portfolioledger.axon.integrity.EvidenceBundleWriter;
import dev.portfolioledger.axon.integrity.StoredEvent;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Evidence bundles of a project or a portfolio (docs/audit-integrity.md, Evidence bundle): the subject's
 * events of a period as stored, with their leaves and inclusion proofs against one signed checkpoint.
 *
 * <p><b>Which aggregates.</b> A project: the project (its change requests, deliverables, milestones and
 * baselines live in its stream) and its cost ledger (id derived from the project's). A portfolio: the
 * portfolio, its programs, its projects with their cost ledgers, and the resources of its pool. Members
 * are found in the command side's directories, which the commands write in their own transactions, so a
 * bundle never misses an aggregate because a view lags behind.
 *
 * <p><b>Which checkpoint.</b> The latest, when it covers every leaf of the selected events; otherwise a
 * checkpoint is signed for the export (it joins the chain like any other). Events that the integrity
 * processor has not reached yet are waited for (the read-your-writes bound); events it passed without a
 * leaf (inserted behind the service's back) go into the bundle without a leaf, for the verifier to report.
 *
 * <p>The events are streamed from a server-side cursor into the JSON as they are read: memory stays flat
 * however many events a portfolio has.
 */
@Component
@IntegrityEnabled
public class EvidenceExports {

    static final String PROJECT = "PROJECT";
    static final String PORTFOLIO = "PORTFOLIO";
    static final String COST_LEDGER = "COST_LEDGER";
    static final String PROGRAM = "PROGRAM";
    static final String RESOURCE = "RESOURCE";
    /** The subject's event rows that have no leaf: {@code ?} is the array of its aggregate ids. */
    private static final String WITHOUT_LEAF = " FROM domainevententry e WHERE e.aggregateidentifier = ANY(?)"
            + " AND NOT EXISTS (SELECT 1 FROM integrity_leaf l WHERE l.global_index = e.globalindex)";

    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final IntegrityLog auditLog;
    private final AuditCheckpoints checkpoints;
    private final IntegrityKeys keys;
    private final ProjectionCatchUp catchUp;

    public EvidenceExports(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntegrityLog auditLog,
                           AuditCheckpoints checkpoints, IntegrityKeys keys, ProjectionCatchUp catchUp) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.catchUp = catchUp;
    }

    /** A bundle ready to be written: its subject, period and checkpoint are fixed. */
    public final class Export {

        private final Subject subject;
        private final Period period;
        private final StoredCheckpoint checkpoint;
        private final Set<Long> unlogged;

        private Export(Subject subject, Period period, StoredCheckpoint checkpoint, Set<Long> unlogged) {
            this.subject = subject;
            this.period = period;
            this.checkpoint = checkpoint;
            this.unlogged = unlogged;
        }

        public String fileName() {
            return "evidence-" + subject.type().toLowerCase() + "-" + subject.id() + ".json";
        }

        /** Streams the bundle to {@code out}. */
        public void writeTo(OutputStream out) {
            readOnly.executeWithoutResult(status -> write(this, out));
        }
    }

    /**
     * @throws RuleViolation VALIDATION_FAILED for an id that is not a UUID or a bad period, NOT_FOUND for an
     *                       unknown project, TIMEOUT when the audit log does not reach the project's events
     */
    public Export project(String id, String from, String to) {
        String projectId = uuid(id, "project");
        Period period = EvidencePeriod.parse(from, to);
        if (!exists("SELECT count(*) FROM project_directory WHERE project_id = ?::uuid", projectId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "No project " + projectId);
        }
        return prepare(new Subject(PROJECT, projectId, List.of(new Member(PROJECT, projectId),
                new Member(COST_LEDGER, CostLedgerId.of(ProjectId.of(projectId)).toString()))), period);
    }

    /** As {@link #project}, for a portfolio and everything under it. */
    public Export portfolio(String id, String from, String to) {
        String portfolioId = uuid(id, "portfolio");
        Period period = EvidencePeriod.parse(from, to);
        if (!exists("SELECT count(*) FROM portfolio_directory WHERE portfolio_id = ?::uuid", portfolioId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "No portfolio " + portfolioId);
        }
        List<Member> members = new ArrayList<>();
        members.add(new Member(PORTFOLIO, portfolioId));
        members(PROGRAM, "SELECT program_id FROM program_directory WHERE portfolio_id = ?::uuid ORDER BY program_id",
                portfolioId, members);
        for (String projectId : jdbc.queryForList("SELECT project_id::text FROM project_directory"
                + " WHERE portfolio_id = ?::uuid ORDER BY project_id", String.class, portfolioId)) {
            members.add(new Member(PROJECT, projectId));
            members.add(new Member(COST_LEDGER, CostLedgerId.of(ProjectId.of(projectId)).toString()));
        }
        members(RESOURCE, "SELECT resource_id FROM resource_directory WHERE portfolio_id = ?::uuid"
                + " ORDER BY resource_id", portfolioId, members);
        return prepare(new Subject(PORTFOLIO, portfolioId, members), period);
    }

    private void members(String role, String sql, String portfolioId, List<Member> members) {
        jdbc.queryForList(sql, UUID.class, portfolioId).forEach(id -> members.add(new Member(role, id.toString())));
    }

    private Export prepare(Subject subject, Period period) {
        String[] aggregates = subject.aggregates().stream().map(Member::aggregateIdentifier).toArray(String[]::new);
        awaitLog(aggregates);
        Set<Long> unlogged = new HashSet<>(jdbc.queryForList("SELECT e.globalindex" + WITHOUT_LEAF, Long.class,
                (Object) aggregates));
        Long newestLeaf = jdbc.queryForObject("SELECT max(log_index) FROM integrity_leaf"
                + " WHERE aggregate_identifier = ANY(?)", Long.class, (Object) aggregates);
        long needed = newestLeaf == null ? 0 : newestLeaf + 1;
        StoredCheckpoint checkpoint = checkpoints.latest()
                .filter(latest -> latest.checkpoint().treeSize() >= needed)
                .orElseGet(checkpoints::signNow);
        auditLog.refresh();
        return new Export(subject, period, checkpoint, unlogged);
    }

    /**
     * Waits until the integrity processor has passed every event of the aggregates that has no leaf yet (each
     * one: an older one may still be a gap of its token when a newer one is passed).
     */
    private void awaitLog(String[] aggregates) {
        List<CommandReceipt> waiting = jdbc.query("SELECT e.aggregateidentifier, e.globalindex" + WITHOUT_LEAF,
                (rs, row) -> new CommandReceipt(rs.getString(1), rs.getLong(2), null), (Object) aggregates);
        try {
            waiting.forEach(receipt -> catchUp.await(ProcessingGroups.INTEGRITY, receipt));
        } catch (RuleViolation late) {
            throw new RuleViolation(ErrorCode.TIMEOUT, "The audit log has not reached the newest events of "
                    + "the subject yet; ask again shortly");
        }
    }

    private void write(Export export, OutputStream out) {
        long treeSize = export.checkpoint.checkpoint().treeSize();
        String[] aggregates = export.subject.aggregates().stream().map(Member::aggregateIdentifier)
                .toArray(String[]::new);
        try (EvidenceBundleWriter bundle = new EvidenceBundleWriter(out, export.subject, export.period,
                Instant.now(), keys.publicKeyPem(), export.checkpoint.number(), export.checkpoint.checkpoint())) {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT l.log_index, l.leaf_hash, "
                        + IntegrityLogAppender.EVENT_COLUMNS + " FROM domainevententry e LEFT JOIN integrity_leaf l"
                        + " ON l.global_index = e.globalindex WHERE e.aggregateidentifier = ANY(?)"
                        + " ORDER BY l.log_index NULLS LAST, e.globalindex");
                // binary transfer: bytea arrives as its bytes, not as hex text twice its size
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                statement.setFetchSize(FETCH_SIZE);
                Array ids = connection.createArrayOf("varchar", aggregates);
                statement.setArray(1, ids);
                return statement;
            }, rs -> {
                Long logIndex = rs.getObject(1) == null ? null : rs.getLong(1);
                StoredEvent event = StoredEvents.read(rs, 3);
                boolean logged = logIndex != null && logIndex < treeSize;
                if (!(logged || (logIndex == null && export.unlogged.contains(event.globalIndex())))
                        || !export.period.contains(Instant.parse(event.timestamp()))) {
                    return;
                }
                try {
                    if (logged) {
                        bundle.event(event, logIndex, rs.getBytes(2),
                                auditLog.inclusionProof(logIndex.intValue(), (int) treeSize));
                    } else {
                        bundle.event(event, null, null, null);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean exists(String sql, String id) {
        Long count = jdbc.queryForObject(sql, Long.class, id);
        return count != null && count > 0;
    }

    private static String uuid(String id, String what) {
        return Checks.uuid(id, what + " id").toString();
    }
}
