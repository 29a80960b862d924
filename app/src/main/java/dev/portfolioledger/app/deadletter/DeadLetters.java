package dev.portfolioledger.app.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.operations.DeadLetterSkipId;
import dev.portfolioledger.api.operations.SkipDeadLetterCommand;
import dev.portfolioledger.axon.command.AuditedCommandGateway;
import dev.portfolioledger.axon.command.CommandReceipt;
import dev.portfolioledger.axon.deadletter.RetryCountingEnqueuePolicy;
import dev.portfolioledger.query.paging.Connection;
import dev.portfolioledger.query.paging.Cursors;
import dev.portfolioledger.query.paging.Edge;
import dev.portfolioledger.query.paging.PageRequest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of the dead-letter queues: lists letters straight from deadletterentry (one
 * indexed query, no event deserialized), and retries and skips them through Axon's own queue and
 * processor, so a retry runs the group's real handlers under the same rules as the processor.
 */
@Service
public class DeadLetters {

    /** Names the dead-letter listing in its cursors. */
    static final String LISTING = "deadLetters";
    /** A retry of a whole group takes at most this many sequences; the rest wait for the next one. */
    static final int MAX_SEQUENCES_PER_RETRY = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final AuditedCommandGateway commands;
    private final ObjectMapper objectMapper;

    public DeadLetters(NamedParameterJdbcTemplate jdbc, EventProcessingConfiguration processing,
                       AuditedCommandGateway commands,
                       @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.commands = commands;
        this.objectMapper = objectMapper;
    }

    /** Letters by group, sequence and position in the sequence (the head of each sequence first). */
    public Connection<ParkedEvent> page(String requestedGroup, PageRequest<List<String>> page) {
        String processingGroup = requestedGroup == null ? null : group(requestedGroup);
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.fetchSize());
        if (processingGroup != null) {
            conditions.add("d.processinggroup = :group");
            params.addValue("group", processingGroup);
        }
        if (page.after() != null) {
            conditions.add("(d.processinggroup, d.sequenceidentifier, d.sequenceindex) > (:afterGroup, :afterSequence, :afterIndex)");
            params.addValue("afterGroup", page.after().get(0))
                  .addValue("afterSequence", page.after().get(1))
                  .addValue("afterIndex", parseIndex(page.after().get(2)));
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
        List<Edge<ParkedEvent>> rows = jdbc.query(SELECT + where
                        + "ORDER BY d.processinggroup, d.sequenceidentifier, d.sequenceindex LIMIT :limit",
                params, (rs, n) -> {
                    ParkedEvent letter = letter(rs);
                    return new Edge<>(cursor(letter), letter);
                });
        return Connection.of(rows, page.first());
    }

    /** Reads a cursor of {@link #page}. */
    static List<String> afterCursor(String cursor) {
        List<String> keys = Cursors.decode(LISTING, cursor, 3);
        parseIndex(keys.get(2));
        return keys;
    }

    /**
     * Processes the sequence (or every parked sequence of the group, up to
     * {@value #MAX_SEQUENCES_PER_RETRY}) now. A letter that fails again stays parked, its retry
     * counted.
     */
    public RetryDeadLettersPayload retry(String requestedGroup, String requestedSequence) {
        String processingGroup = group(requestedGroup);
        String sequenceIdentifier = requestedSequence == null ? null : sequence(requestedSequence);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processorOf(processingGroup);
        List<String> sequences;
        if (sequenceIdentifier == null) {
            sequences = sequencesOf(processingGroup);
        } else {
            requireHead(processingGroup, sequenceIdentifier);
            sequences = List.of(sequenceIdentifier);
        }
        for (String sequence : sequences) {
            processor.process(letter -> inSequence(letter, sequence));
        }
        int stillParked = parkedAmong(processingGroup, sequences);
        return new RetryDeadLettersPayload(sequences.size() - stillParked, stillParked);
    }

    /**
     * Records the operator's decision (an audited event) and evicts the letter at the head of the
     * sequence; the events parked behind it are then processed, so the sequence moves on.
     */
    public SkipDeadLetterPayload skip(String requestedGroup, String requestedSequence, String reason) {
        String processingGroup = group(requestedGroup);
        String sequenceIdentifier = sequence(requestedSequence);
        String why = Checks.required(Checks.reason(reason), "reason");
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> unknownGroup(processingGroup));
        ParkedEvent head = requireHead(processingGroup, sequenceIdentifier);
        DeadLetter<? extends EventMessage<?>> letter = headLetter(queue, head);
        DeadLetterSkipId skipId = DeadLetterSkipId.random();
        CommandReceipt receipt = commands.send(new SkipDeadLetterCommand(skipId, processingGroup, sequenceIdentifier,
                head.eventIdentifier(), head.eventType()), skipId, why);
        queue.evict(letter);
        RetryDeadLettersPayload rest = parkedAmong(processingGroup, List.of(sequenceIdentifier)) == 0
                ? new RetryDeadLettersPayload(0, 0)
                : retry(processingGroup, sequenceIdentifier);
        return new SkipDeadLetterPayload(head, receipt.correlationId(), rest.healed(), rest.stillParked());
    }

    private ParkedEvent requireHead(String processingGroup, String sequenceIdentifier) {
        processorOf(processingGroup);
        List<ParkedEvent> head = jdbc.query(SELECT
                        + "WHERE d.processinggroup = :group AND d.sequenceidentifier = :sequence "
                        + "ORDER BY d.sequenceindex LIMIT 1",
                new MapSqlParameterSource("group", processingGroup).addValue("sequence", sequenceIdentifier),
                (rs, n) -> letter(rs));
        if (head.isEmpty()) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, "No dead letter of sequence " + sequenceIdentifier
                    + " in processing group " + processingGroup);
        }
        return head.get(0);
    }

    private static DeadLetter<? extends EventMessage<?>> headLetter(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                    ParkedEvent head) {
        Iterator<DeadLetter<? extends EventMessage<?>>> letters =
                queue.deadLetterSequence(head.sequenceIdentifier()).iterator();
        Optional<DeadLetter<? extends EventMessage<?>>> first = letters.hasNext()
                ? Optional.of(letters.next()) : Optional.empty();
        return first.filter(letter -> letter.message().getIdentifier().equals(head.eventIdentifier()))
                .orElseThrow(() -> new RuleViolation(ErrorCode.CONFLICT, "The dead letters of sequence "
                        + head.sequenceIdentifier() + " changed meanwhile; list them again"));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processorOf(String processingGroup) {
        return processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> unknownGroup(processingGroup));
    }

    /*
     * Group and sequence names are looked up in SQL and echoed in refusals: they are checked as
     * names first (one line, storable, at most 200 characters), so neither a NUL nor a 5 MB
     * string reaches PostgreSQL or a message.
     */
    private static String group(String processingGroup) {
        return Checks.name(processingGroup, "processingGroup");
    }

    private static String sequence(String sequenceIdentifier) {
        return Checks.name(sequenceIdentifier, "sequenceIdentifier");
    }

    private static RuleViolation unknownGroup(String processingGroup) {
        return new RuleViolation(ErrorCode.NOT_FOUND, "No processing group with a dead-letter queue is named "
                + processingGroup);
    }

    private static boolean inSequence(DeadLetter<? extends EventMessage<?>> letter, String sequence) {
        return letter instanceof JdbcDeadLetter<?> stored && sequence.equals(stored.getSequenceIdentifier());
    }

    private List<String> sequencesOf(String processingGroup) {
        return jdbc.queryForList("SELECT DISTINCT sequenceidentifier FROM deadletterentry WHERE processinggroup = :group "
                        + "ORDER BY sequenceidentifier LIMIT :limit",
                new MapSqlParameterSource("group", processingGroup).addValue("limit", MAX_SEQUENCES_PER_RETRY),
                String.class);
    }

    private int parkedAmong(String processingGroup, List<String> sequences) {
        if (sequences.isEmpty()) {
            return 0;
        }
        Integer parked = jdbc.queryForObject("SELECT count(DISTINCT sequenceidentifier) FROM deadletterentry "
                        + "WHERE processinggroup = :group AND sequenceidentifier = ANY(:sequences)",
                new MapSqlParameterSource("group", processingGroup)
                        .addValue("sequences", sequences.toArray(String[]::new)),
                Integer.class);
        return parked == null ? 0 : parked;
    }

    private static final String SELECT = """
            SELECT d.processinggroup, d.sequenceidentifier, d.sequenceindex, d.eventidentifier, d.payloadtype,
                   d.aggregateidentifier, d.sequencenumber, e.globalindex, d.causetype, d.causemessage,
                   d.enqueuedat, d.lasttouched, d.diagnostics
            FROM deadletterentry d LEFT JOIN domainevententry e ON e.eventidentifier = d.eventidentifier
            """;

    private ParkedEvent letter(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payloadtype");
        return new ParkedEvent(
                rs.getString("processinggroup"),
                rs.getString("sequenceidentifier"),
                rs.getLong("sequenceindex"),
                rs.getString("eventidentifier"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                rs.getString("aggregateidentifier"),
                rs.getObject("sequencenumber", Long.class),
                rs.getObject("globalindex", Long.class),
                rs.getString("causetype"),
                rs.getString("causemessage"),
                instant(rs.getString("enqueuedat")),
                instant(rs.getString("lasttouched")),
                retries(rs.getBytes("diagnostics")));
    }

    private int retries(byte[] diagnostics) {
        if (diagnostics == null || diagnostics.length == 0) {
            return 0;
        }
        try {
            JsonNode json = objectMapper.readTree(diagnostics);
            return json.path(RetryCountingEnqueuePolicy.RETRIES).asInt(0);
        } catch (IOException e) {
            // diagnostics written by another policy: no retry count to show
            return 0;
        }
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    private static String cursor(ParkedEvent letter) {
        return Cursors.encode(LISTING, letter.processingGroup(), letter.sequenceIdentifier(),
                Long.toString(letter.sequenceIndex()));
    }

    private static long parseIndex(String index) {
        try {
            return Long.parseLong(index);
        } catch (NumberFormatException e) {
            throw Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
        }
    }
}
