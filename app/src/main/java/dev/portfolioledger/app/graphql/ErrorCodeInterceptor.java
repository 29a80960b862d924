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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                .message(shortenQuotedValues(withoutJavaTypes(error.getMessage())))
                .locations(error.getLocations())
                .path(error.getParsedPath().isEmpty() ? null : (List<Object>) error.getParsedPath())
                .errorType(classification)
                .extensions(extensions)
                .build();
    }

    /*
     * graphql-java names the Java type of a value it could not coerce ("but it was a
     * 'LinkedHashMap'"); a client sent JSON, so it reads the JSON type instead.
     */
    private static final Map<String, String> JSON_TYPES = Map.ofEntries(
            Map.entry("LinkedHashMap", "object"), Map.entry("HashMap", "object"), Map.entry("Map", "object"),
            Map.entry("ArrayList", "list"), Map.entry("List", "list"), Map.entry("Integer", "number"),
            Map.entry("Long", "number"), Map.entry("Short", "number"), Map.entry("Byte", "number"),
            Map.entry("BigInteger", "number"), Map.entry("Double", "number"), Map.entry("Float", "number"),
            Map.entry("BigDecimal", "number"), Map.entry("Boolean", "boolean"), Map.entry("String", "string"));
    /* Only after "was": elsewhere a quoted 'String' is the GraphQL type, which stays. */
    private static final Pattern QUOTED_JAVA_TYPE =
            Pattern.compile("(was (?:an? )?)'(?:java\\.[a-z.]+\\.)?([A-Z][A-Za-z]*)'");
    private static final Pattern QUALIFIED_JAVA_TYPE = Pattern.compile("java\\.[a-z.]+\\.([A-Z][A-Za-z]*)");

    /*
     * graphql-java quotes the whole value it refused ("but it was a '1000…'"): an Int variable sent as
     * 1e1000000 made a message of a million digits, a megabyte of error for twelve bytes sent.
     */
    private static final int QUOTED_VALUE_MAX = 40;
    /* an opening quote follows a space (or starts the text), a closing one ends a word: 'input' ... 'x' never pair */
    private static final Pattern LONG_QUOTED_VALUE =
            Pattern.compile("(?<![\\w'])'([^']{" + (QUOTED_VALUE_MAX + 1) + ",})'(?!\\w)");

    /** A quoted value longer than 40 characters keeps its first 20, and says how long it was. */
    static String shortenQuotedValues(String message) {
        if (message == null) {
            return null;
        }
        return LONG_QUOTED_VALUE.matcher(message).replaceAll(match -> Matcher.quoteReplacement(
                "'" + match.group(1).substring(0, QUOTED_VALUE_MAX / 2) + "…' (" + match.group(1).length()
                + " characters)"));
    }

    static String withoutJavaTypes(String message) {
        if (message == null) {
            return null;
        }
        String quoted = QUOTED_JAVA_TYPE.matcher(message).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) + "'" + JSON_TYPES.getOrDefault(match.group(2), match.group(2)) + "'"));
        return QUALIFIED_JAVA_TYPE.matcher(quoted).replaceAll(match -> Matcher.quoteReplacement(
                JSON_TYPES.getOrDefault(match.group(1), "value")));
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
        return ErrorCode.INTERNAL.name();
    }
}
