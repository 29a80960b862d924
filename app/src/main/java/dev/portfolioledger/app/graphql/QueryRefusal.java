package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.ErrorCode;
import graphql.execution.AbortExecutionException;
import org.springframework.graphql.execution.ErrorType;

import java.util.Map;

/**
 * A request refused before any of it runs (too deep, too costly, too many mutations,
 * introspection off). graphql-java reports an {@link AbortExecutionException} as the error
 * itself, so carrying the code here puts it in {@code extensions.code} without reading messages.
 */
class QueryRefusal extends AbortExecutionException {

    private final ErrorCode code;

    QueryRefusal(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }

    /** The classification a client reads is ours; the error type stays graphql-java's ExecutionAborted. */
    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code.name(), "classification", ErrorType.BAD_REQUEST.name());
    }
}
