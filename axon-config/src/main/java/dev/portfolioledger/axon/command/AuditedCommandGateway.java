package dev.portfolioledger.axon.command;

import org.springframework.dao.DuplicateKeyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.Checks;
import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.idempotency.CommandLedger;
import dev.portfolioledger.axon.idempotency.IdempotencyScope;
import dev.portfolioledger.axon.idempotency.IdempotentCommandInterceptor;
import dev.portfolioledger.axon.idempotency.RecordedCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command on behalf of the current request and reports where its events landed.
 *
 * <p>The actor, request id and command name are added by {@link AuditCommandDispatchInterceptor},
 * never taken from the caller; the caller supplies only the optional reason. The receipt's global
 * index is read back from the event store, after the command's transaction committed, so that
 * read-your-writes waits for exactly what was stored.
 *
 * <p>In a request with an Idempotency-Key ({@link IdempotencyScope}), a step whose command has
 * already committed under that key (an earlier attempt, perhaps on another instance, that died
 * or lost its connection before answering) is not sent again: its receipt is rebuilt from the
 * {@link CommandLedger}, so the retry answers with the aggregate the first attempt changed, as it
 * is now. This covers creations with server-chosen ids and transitions alike.
 *
 * <p>Every command sent is timed in {@value #COMMANDS_METER} (Prometheus
 * {@code portfolio_commands_seconds}), tagged with the command type and its outcome: {@code OK}, the
 * {@link ErrorCode} of a refusal, or {@code ERROR} for anything else.
 */
@Component
public class AuditedCommandGateway {

    public static final String COMMANDS_METER = "portfolio.commands";

    private static final Logger log = LoggerFactory.getLogger(AuditedCommandGateway.class);

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final CommandLedger ledger;
    private final MeterRegistry meters;
    private final EventStore eventStore;

    public AuditedCommandGateway(CommandGateway commandGateway, JdbcTemplate jdbc, CommandLedger ledger,
                                 MeterRegistry meters, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.meters = meters;
        this.eventStore = eventStore;
    }

    /**
     * Sends the command and waits for it to be handled.
     *
     * @param command     the command record
     * @param aggregateId the identifier of the aggregate the command targets
     * @param reason      why, as told by the user; may be null; free text of at most
     *                    {@link Checks#REASON_MAX} characters (VALIDATION_FAILED otherwise)
     * @return where the aggregate's newest event is stored
     */
    public CommandReceipt send(Object command, Object aggregateId, String reason) {
        return send(command, aggregateId, reason, false);
    }

    /**
     * Sends a command that creates its aggregate. Two creations of one id at the same moment both
     * pass the command-side lookup; the lookup's unique key or the event store's (aggregate,
     * sequence) key lets only the first in, and the others lost a race for an id that now exists:
     * {@code ALREADY_EXISTS}, as they would have been told a moment later.
     */
    public CommandReceipt create(Object command, Object aggregateId, String reason) {
        return send(command, aggregateId, reason, true);
    }

    private CommandReceipt send(Object command, Object aggregateId, String reason, boolean creation) {
        long started = System.nanoTime();
        String outcome = "ERROR";
        try {
            CommandReceipt receipt = sendTimed(command, aggregateId, reason, creation);
            outcome = "OK";
            return receipt;
        } catch (RuntimeException failed) {
            outcome = outcomeOf(failed);
            throw failed;
        } finally {
            long nanos = System.nanoTime() - started;
            log.debug("{} {} in {} ms", command.getClass().getSimpleName(), outcome, nanos / 1_000_000);
            MDC.remove(AuditMetadata.CORRELATION_ID);
            Timer.builder(COMMANDS_METER)
                    .description("Commands sent, by type and outcome (OK, the code of a refusal, or ERROR)")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private CommandReceipt sendTimed(Object command, Object aggregateId, String reason, boolean creation) {
        Map<String, Object> metadata = new HashMap<>();
        String checkedReason = Checks.reason(reason);
        if (checkedReason != null) {
            metadata.put(AuditMetadata.REASON, checkedReason);
        }
        Optional<IdempotencyScope> scope = IdempotencyScope.current();
        int step = scope.map(IdempotencyScope::nextStep).orElse(-1);
        if (scope.isPresent()) {
            Optional<RecordedCommand> done = ledger.find(scope.get().principal(), scope.get().key(), step);
            if (done.isPresent()) {
                return receipt(done.get().aggregateId(), done.get().correlationId());
            }
            metadata.putAll(IdempotentCommandInterceptor.metadata(scope.get(), step, aggregateId));
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata));
        // every line logged while the command is sent and handled names the decision (README, Metrics and logs)
        MDC.put(AuditMetadata.CORRELATION_ID, message.getIdentifier());
        try {
            commandGateway.sendAndWait(message);
        } catch (RuntimeException failure) {
            Optional<RecordedCommand> concurrent = scope.flatMap(s -> recordedDespite(s, step, failure));
            if (concurrent.isPresent()) {
                return receipt(concurrent.get().aggregateId(), concurrent.get().correlationId());
            }
            Optional<RuleViolation> refusal = RefusalTransport.refusalIn(failure);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (creation && (causedBy(failure, AggregateStreamCreationException.class)
                    || causedBy(failure, DuplicateKeyException.class))) {
                throw new RuleViolation(ErrorCode.ALREADY_EXISTS,
                        "This " + kindOf(aggregateId) + " already exists: " + aggregateId);
            }
            if (causedBy(failure, AggregateStreamCreationException.class)) {
                // A command that opens its aggregate when it is missing (the first expense opens a
                // cost ledger) lost the race to open it to another instance: nothing of it is
                // stored, and sent again it finds the aggregate, as after any other conflict.
                throw new RuleViolation(ErrorCode.CONCURRENT_MODIFICATION,
                        "Someone else changed this " + kindOf(aggregateId) + " at the same moment; retry");
            }
            if (causedBy(failure, AggregateNotFoundException.class)) {
                // the command names its aggregate by a typed id: ProjectId says it is a project
                throw new RuleViolation(ErrorCode.NOT_FOUND, "No such " + kindOf(aggregateId) + ": " + aggregateId);
            }
            throw failure;
        }
        String correlationId = message.getMetaData().getOrDefault(AuditMetadata.CORRELATION_ID,
                message.getIdentifier()).toString();
        try {
            return receipt(aggregateId.toString(), correlationId);
        } catch (DataAccessException lost) {
            throw new CommitUnconfirmedException("The command was handled, but its receipt could not be read", lost);
        }
    }

    /**
     * A keyed step that failed may have failed because another attempt of the same request got
     * there first (the ledger's key refused this one): then that attempt's outcome is this one's.
     */
    private Optional<RecordedCommand> recordedDespite(IdempotencyScope scope, int step, RuntimeException failure) {
        try {
            return ledger.find(scope.principal(), scope.key(), step);
        } catch (DataAccessException unreachable) {
            failure.addSuppressed(unreachable);
            return Optional.empty();
        }
    }

    /** The code of the refusal in the failure's causes, or ERROR. */
    static String outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RuleViolation refusal) {
                return refusal.code().name();
            }
        }
        return "ERROR";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** "project" for a ProjectId, "change request" for a ChangeRequestId; "record" for an untyped id. */
    static String kindOf(Object aggregateId) {
        String type = aggregateId.getClass().getSimpleName();
        if (!type.endsWith("Id") || type.equals("Id") || aggregateId instanceof String) {
            return "record";
        }
        return type.substring(0, type.length() - 2).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Where the aggregate's newest event lies in the event stream, as the tokens of the processors count.
     * The embedded (JDBC) store numbers events by a sequence whose numbers commit out of order: its tokens
     * keep gaps, so only the exact index of this aggregate's event tells whether a segment has passed it,
     * read from the store's own table. Any other store (Axon Server) numbers them without gaps, so the
     * head of the stream, taken from the store's API once the command's events are stored, is a position at
     * or after them that every processor reaches.
     */
    private CommandReceipt receipt(String aggregateId, String correlationId) {
        long index;
        if (eventStore instanceof EmbeddedEventStore) {
            Long latest = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?",
                    Long.class, aggregateId);
            index = latest == null ? -1 : latest;
        } else {
            TrackingToken head = eventStore.createHeadToken();
            index = head == null ? -1 : head.position().orElse(-1);
        }
        return new CommandReceipt(aggregateId, index, correlationId);
    }
}
