package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.app.security.AccessDenialRecorder;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import graphql.language.OperationDefinition;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where exceptions become GraphQL errors: a classification plus a stable
 * {@code extensions.code}. Messages of domain refusals are written for clients; anything
 * unexpected is logged with an incident id and reported with that id only, so no stack trace,
 * SQL or class name reaches a client. Security-relevant refusals (role checks, segregation of
 * duties) are put on record on their way out ({@link AccessDenialRecorder}).
 */
@ControllerAdvice
public class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final AccessDenialRecorder denials;

    public GraphQlErrors(AccessDenialRecorder denials) {
        this.denials = denials;
    }

    @GraphQlExceptionHandler
    GraphQLError ruleViolation(RuleViolation violation, DataFetchingEnvironment env) {
        denials.refused(env, violation.code());
        return error(env, classify(violation.code()), violation.code().name(), violation.getMessage(),
                     violation.details());
    }

    @GraphQlExceptionHandler
    GraphQLError accessDenied(AccessDeniedException denied, DataFetchingEnvironment env) {
        denials.refused(env, ErrorCode.FORBIDDEN);
        return error(env, ErrorType.FORBIDDEN, ErrorCode.FORBIDDEN.name(),
                     "You are not allowed to do this");
    }

    @GraphQlExceptionHandler
    GraphQLError unauthenticated(AuthenticationException unauthenticated, DataFetchingEnvironment env) {
        return error(env, ErrorType.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED.name(), "Authentication is required");
    }

    @GraphQlExceptionHandler
    GraphQLError aggregateNotFound(AggregateNotFoundException notFound, DataFetchingEnvironment env) {
        // commands sent through AuditedCommandGateway are refused with the aggregate's kind named
        // there; this is the path of anything else that loads an aggregate
        return error(env, ErrorType.NOT_FOUND, ErrorCode.NOT_FOUND.name(),
                     "No such record: " + notFound.getAggregateIdentifier());
    }

    @GraphQlExceptionHandler
    GraphQLError concurrentModification(ConcurrencyException conflict, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.CONCURRENT_MODIFICATION.name(),
                     "Someone else changed this at the same moment; read it again and retry");
    }

    /**
     * Two creations of one id at the same moment, reaching here other than through
     * {@code AuditedCommandGateway.create} (which names the kind of aggregate): the loser lost a
     * race for an id that now exists, {@code ALREADY_EXISTS}.
     */
    @GraphQlExceptionHandler
    GraphQLError duplicateCreation(AggregateStreamCreationException duplicate, DataFetchingEnvironment env) {
        return alreadyExists(env);
    }

    @GraphQlExceptionHandler
    GraphQLError commandFailed(CommandExecutionException failed, DataFetchingEnvironment env) {
        Throwable cause = failed.getCause();
        if (cause instanceof RuleViolation violation) {
            return ruleViolation(violation, env);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return aggregateNotFound(notFound, env);
        }
        if (cause instanceof ConcurrencyException conflict) {
            return concurrentModification(conflict, env);
        }
        if (cause instanceof AggregateStreamCreationException duplicate) {
            return duplicateCreation(duplicate, env);
        }
        return unexpected(failed, env);
    }

    @GraphQlExceptionHandler
    GraphQLError noHandler(NoHandlerForCommandException missing, DataFetchingEnvironment env) {
        return unexpected(missing, env);
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable failure, DataFetchingEnvironment env) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return ruleViolation(violation, env);
            }
            if (cause instanceof ConcurrencyException conflict) {
                return concurrentModification(conflict, env);
            }
            if (cause instanceof AccessDeniedException denied) {
                return accessDenied(denied, env);
            }
            if (cause instanceof AggregateStreamCreationException duplicate) {
                return duplicateCreation(duplicate, env);
            }
        }
        var storage = StorageFailures.classify(failure);
        if (storage.isPresent()) {
            return storageFailure(storage.get(), failure, env);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure at {} (incident {})", env.getExecutionStepInfo().getPath(), incident, failure);
        return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.INTERNAL.name(),
                     "Something went wrong on our side (incident " + incident + ")");
    }

    /**
     * The database went away. Logged as a warning in one line: it is an outage to watch, not a
     * bug to debug, and the cause's class and message say all there is to know. Only the
     * mutation field itself can leave an unknown outcome; a payload's view or a query failing
     * the same way changed nothing, and is just unavailable.
     */
    private static GraphQLError storageFailure(ErrorCode code, Throwable failure, DataFetchingEnvironment env) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean mutationField = env.getOperationDefinition() != null
                && env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
                && env.getExecutionStepInfo().getPath().getLevel() == 1;
        ErrorCode answered = mutationField ? code : ErrorCode.UNAVAILABLE;
        log.warn("Database unavailable at {}: {} (answered {})", env.getExecutionStepInfo().getPath(), root,
                 answered);
        String message = answered == ErrorCode.OUTCOME_UNKNOWN
                ? "The connection to the database was lost while the change was being stored, so it may or may"
                  + " not have been stored. It is safe to retry with the same Idempotency-Key (or the same"
                  + " client-chosen id)"
                : "The database cannot be reached right now and nothing was stored by this step; retry later";
        return error(env, classify(answered), answered.name(), message);
    }

    private static GraphQLError alreadyExists(DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, ErrorCode.ALREADY_EXISTS.name(),
                     "This record already exists");
    }

    public static ErrorType classify(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN, SELF_APPROVAL_FORBIDDEN, SELF_ASSESSMENT_FORBIDDEN, ACCEPTANCE_NOT_ENTITLED -> ErrorType.FORBIDDEN;
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case TIMEOUT, VIEW_OUT_OF_DATE, OUTCOME_UNKNOWN, UNAVAILABLE -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message) {
        return error(env, type, code, message, Map.of());
    }

    /** The refusal's details (RuleViolation.details) join the extensions; code and classification win. */
    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message,
                                      Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code);
        extensions.put("classification", type.name());
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(extensions)
                .build();
    }
}
