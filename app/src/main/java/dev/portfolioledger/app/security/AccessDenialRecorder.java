package dev.portfolioledger.app.security;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.audit.AccessDenialId;
import dev.portfolioledger.api.audit.RecordAccessDenialCommand;
import graphql.Scalars;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Puts security-relevant refusals on record (README, Refusals on record): every GraphQL field refused
 * by a role check ({@code FORBIDDEN}, from {@code @PreAuthorize} or from an aggregate's own check such as
 * "only the submitter withdraws") or by a segregation-of-duty rule ({@code SELF_APPROVAL_FORBIDDEN},
 * {@code SELF_ASSESSMENT_FORBIDDEN}), and an acceptance by someone not entitled to accept
 * ({@code ACCEPTANCE_NOT_ENTITLED}) becomes an {@code AccessDeniedEvent} in the event store, so the
 * audit log makes it a leaf like every other event.
 *
 * <p>It runs when the refusal is turned into the client's error: the refused command, if there was one,
 * has ended and its transaction has rolled back, and the record is a command of its own, in its own
 * transaction. The actor and request id are stamped on it by the dispatch interceptor from the request,
 * like on every command. Recording never changes the answer: if it fails (the database is gone, say),
 * the failure is logged and the client still gets the refusal.
 */
@Component
public class AccessDenialRecorder {

    private static final Logger log = LoggerFactory.getLogger(AccessDenialRecorder.class);

    /** The codes that are put on record: the role check and the segregation-of-duty rules. */
    static final Set<ErrorCode> RECORDED = Set.of(ErrorCode.FORBIDDEN, ErrorCode.SELF_APPROVAL_FORBIDDEN,
            ErrorCode.SELF_ASSESSMENT_FORBIDDEN, ErrorCode.ACCEPTANCE_NOT_ENTITLED);

    private final CommandGateway commandGateway;

    public AccessDenialRecorder(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Records the refusal of the field {@code env} resolves, if its code is one that is recorded. */
    public void refused(DataFetchingEnvironment env, ErrorCode code) {
        if (RECORDED.contains(code)) {
            record(operation(env), target(env).orElse(null), code);
        }
    }

    /**
     * Records a refusal outside GraphQL (an HTTP export refused by its role rule): the operation is the
     * method and the mapped path ({@code GET /exports/evidence/projects/{id}}), the target the first path
     * variable that is a UUID.
     */
    public void refused(String method, String pathPattern, Map<String, String> pathVariables, ErrorCode code) {
        if (RECORDED.contains(code)) {
            String target = pathVariables.values().stream().filter(AccessDenialRecorder::isUuid).findFirst()
                    .orElse(null);
            record(method + " " + pathPattern, target, code);
        }
    }

    private void record(String operation, String target, ErrorCode code) {
        try {
            commandGateway.sendAndWait(new RecordAccessDenialCommand(AccessDenialId.random(), operation, target, code));
        } catch (RuntimeException failed) {
            log.warn("The refusal of {} ({}) could not be put on record: {}", operation, code, failed.toString());
        }
    }

    /** The field's name for the root types, {@code Type.field} below them. */
    static String operation(DataFetchingEnvironment env) {
        String field = env.getFieldDefinition().getName();
        String parent = ((GraphQLNamedType) env.getParentType()).getName();
        boolean root = env.getGraphQLSchema().getQueryType().getName().equals(parent)
                || (env.getGraphQLSchema().getMutationType() != null
                    && env.getGraphQLSchema().getMutationType().getName().equals(parent));
        return root ? field : parent + "." + field;
    }

    /**
     * The first UUID among the field's {@code ID} arguments, then among the {@code ID} fields of its input
     * object arguments, in schema order: the aggregate every mutation's input names first (the project
     * of a change request), or the id a query asks for. Anything else a client put in an id is not kept:
     * it names no record, and the record must not store what it cannot vouch for.
     */
    static Optional<String> target(DataFetchingEnvironment env) {
        Map<String, Object> arguments = env.getArguments();
        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
            if (isId(argument.getType()) && isUuid(arguments.get(argument.getName()))) {
                return Optional.of(arguments.get(argument.getName()).toString());
            }
        }
        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
            if (GraphQLTypeUtil.unwrapNonNull(argument.getType()) instanceof GraphQLInputObjectType input
                    && arguments.get(argument.getName()) instanceof Map<?, ?> values) {
                for (GraphQLInputObjectField field : input.getFields()) {
                    if (isId(field.getType()) && isUuid(values.get(field.getName()))) {
                        return Optional.of(values.get(field.getName()).toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isId(GraphQLInputType type) {
        return GraphQLTypeUtil.unwrapNonNull(type) == Scalars.GraphQLID;
    }

    private static boolean isUuid(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
