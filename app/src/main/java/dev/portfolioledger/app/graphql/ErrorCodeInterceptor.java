package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors raised by graphql-java itself (syntax, unknown fields, a missing required argument, a
 * value the scalar refuses) carry no code of ours; this gives each one, so that every error a
 * client sees has {@code extensions.code}. Query limits carry their own ({@link QueryRefusal}).
 */
@Component
public class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().isEmpty()
                    || response.getErrors().stream().allMatch(e -> hasCode(e.getExtensions()))) {
                return response;
            }
            return response.transform(builder -> builder.errors(
                    response.getErrors().stream().map(ErrorCodeInterceptor::withCode).toList()));
        });
    }

    private static boolean hasCode(Map<String, Object> extensions) {
        return extensions != null && extensions.containsKey("code");
    }

    private static GraphQLError withCode(org.springframework.graphql.ResponseError error) {
        Map<String, Object> extensions = new HashMap<>(error.getExtensions() == null ? Map.of() : error.getExtensions());
        ErrorClassification classification = error.getErrorType();
        extensions.putIfAbsent("code", codeFor(classification));
        extensions.putIfAbsent("classification", classification.toString());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath().isEmpty() ? null : (List<Object>) error.getParsedPath())
                .errorType(classification)
                .extensions(extensions)
                .build();
    }

    private static String codeFor(ErrorClassification classification) {
        if (classification == ErrorType.ValidationError || classification == ErrorType.InvalidSyntax
                || classification == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
            return ErrorCode.VALIDATION_FAILED.name();
        }
        if (classification == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
            return ErrorCode.FORBIDDEN.name();
        }
        if (classification == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
            return ErrorCode.NOT_FOUND.name();
        }
        // graphql-java's own refusals, should a request get past QueryLimits to them; their
        // classifications are public names of graphql-java (IntrospectionDisabledError,
        // GoodFaithIntrospection.BadFaithIntrospectionError)
        if ("IntrospectionDisabled".equals(classification.toString())) {
            return ErrorCode.INTROSPECTION_DISABLED.name();
        }
        if ("BadFaithIntrospection".equals(classification.toString())) {
            return ErrorCode.QUERY_TOO_COMPLEX.name();
        }
        return "INTERNAL";
    }
}
