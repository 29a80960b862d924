package dev.portfolioledger.app.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.axon.idempotency.IdempotencyClaim;
import dev.portfolioledger.axon.idempotency.IdempotencyRecords;
import dev.portfolioledger.axon.idempotency.IdempotencyScope;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes a mutation request with an {@code Idempotency-Key} header (the IETF httpapi draft's
 * header; or {@code extensions.idempotencyKey} in the request body) run at most once per
 * authenticated user and key: a retry answers the first request's response and stores nothing
 * twice, on any instance, after restarts, for {@code portfolio.idempotency.retention}.
 *
 * <p>The key is claimed in PostgreSQL before the request runs; a concurrent duplicate waits (up
 * to the read-your-writes timeout) for the first to finish and answers its response. The
 * response is stored once the outcome is known; an attempt that ended without knowing it
 * ({@code OUTCOME_UNKNOWN}, {@code UNAVAILABLE}, {@code INTERNAL}, a timeout, a conflict worth
 * retrying) stores nothing and releases the key, and the commands it did commit are skipped by
 * the retry (see {@code AuditedCommandGateway}). Queries ignore the key.
 *
 * <p>Ordered before {@code ErrorCodeInterceptor}, so the stored response is the one the client
 * got, codes included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdempotencyKeyInterceptor implements WebGraphQlInterceptor {

    static final String HEADER = "Idempotency-Key";
    static final String EXTENSION = "idempotencyKey";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyInterceptor.class);
    /** Printable ASCII, as the draft's sf-string allows; long enough for any UUID or ULID scheme. */
    private static final Pattern ACCEPTED = Pattern.compile("[\\x20-\\x7E]{1,255}");
    /** Outcomes a retry may improve on: they are not kept, and the key is free again at once. */
    private static final Set<String> NOT_KEPT = Set.of(ErrorCode.OUTCOME_UNKNOWN.name(),
            ErrorCode.UNAVAILABLE.name(), ErrorCode.TIMEOUT.name(), ErrorCode.VIEW_OUT_OF_DATE.name(),
            ErrorCode.CONCURRENT_MODIFICATION.name(), ErrorCode.INTERNAL.name());

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final Duration wait;
    /** Responses keep their field order (the query's), and decimals their exact value. */
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** For the request hash only: variables in key order, so equal requests hash equal. */
    private final ObjectMapper canonicalJson = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public IdempotencyKeyInterceptor(IdempotencyRecords records, IdempotencyProperties properties,
                                     @Value("${portfolio.read-your-writes.timeout:PT10S}") Duration wait) {
        this.records = records;
        this.properties = properties;
        this.wait = wait;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String offered = offeredKey(request);
        if (offered == null || !isMutation(request)) {
            return chain.next(request);
        }
        String key = unquoted(offered.strip());
        if (!ACCEPTED.matcher(key).matches()) {
            return Mono.just(refusal(request, ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters"));
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            return chain.next(request); // refused further down, with nothing to remember
        }
        String principal = user.getName();
        IdempotencyClaim claim;
        try {
            claim = records.claim(principal, key, hash(request), properties.lease(), properties.retention(), wait);
        } catch (DataAccessException unreachable) {
            log.warn("Idempotency-Key could not be claimed: {}", unreachable.getMostSpecificCause().toString());
            return Mono.just(refusal(request, ErrorCode.UNAVAILABLE,
                    "The database cannot be reached right now and nothing was stored; retry later with the same"
                            + " Idempotency-Key"));
        }
        return switch (claim.decision()) {
            case REPLAY -> Mono.just(replay(request, claim.storedResponse()));
            case REUSED -> Mono.just(refusal(request, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key"));
            case IN_USE -> Mono.just(refusal(request, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still running; retry later with the same key"));
            case RUN -> run(request, chain, principal, key, claim.attempt());
        };
    }

    private Mono<WebGraphQlResponse> run(WebGraphQlRequest request, Chain chain, String principal, String key,
                                         UUID attempt) {
        return chain.next(request)
                .contextWrite(context -> context.put(IdempotencyScope.CONTEXT_KEY,
                                                     new IdempotencyScope(principal, key)))
                .doOnNext(response -> settle(response, principal, key, attempt))
                .doOnError(failure -> releaseQuietly(principal, key, attempt))
                // a client that hung up learns nothing: its retry must not wait out the lease
                .doOnCancel(() -> releaseQuietly(principal, key, attempt));
    }

    private void settle(WebGraphQlResponse response, String principal, String key, UUID attempt) {
        boolean known = response.getErrors().stream()
                .map(ResponseError::getExtensions)
                .noneMatch(extensions -> extensions != null && NOT_KEPT.contains(String.valueOf(extensions.get("code"))));
        try {
            if (known) {
                records.complete(principal, key, attempt, json.writeValueAsString(response.toMap()));
            } else {
                records.release(principal, key, attempt);
            }
        } catch (DataAccessException | JsonProcessingException lost) {
            // the client still gets this response; a retry finds the lease over and runs again,
            // skipping the commands that did commit
            log.warn("Idempotency-Key outcome could not be stored: {}", lost.toString());
        }
    }

    private void releaseQuietly(String principal, String key, UUID attempt) {
        try {
            records.release(principal, key, attempt);
        } catch (DataAccessException lost) {
            log.warn("Idempotency-Key could not be released: {}", lost.toString());
        }
    }

    private static String offeredKey(WebGraphQlRequest request) {
        String header = request.getHeaders().getFirst(HEADER);
        if (header != null) {
            return header;
        }
        Object extension = request.getExtensions().get(EXTENSION);
        return extension instanceof String text ? text : null;
    }

    /** The draft defines the header as a structured-field string; plain tokens are accepted too. */
    private static String unquoted(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    private static boolean isMutation(WebGraphQlRequest request) {
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (InvalidSyntaxException unparsable) {
            return false; // graphql-java reports it, and nothing runs
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        String name = request.getOperationName();
        return operations.stream()
                .filter(operation -> name == null ? operations.size() == 1 : name.equals(operation.getName()))
                .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
    }

    /** SHA-256 over operation name, document and variables (maps in key order). */
    private byte[] hash(WebGraphQlRequest request) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("operationName", request.getOperationName());
        canonical.put("query", request.getDocument());
        canonical.put("variables", request.getVariables());
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonicalJson.writeValueAsBytes(canonical));
        } catch (NoSuchAlgorithmException | JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot hash the request", impossible);
        }
    }

    @SuppressWarnings("unchecked")
    private WebGraphQlResponse replay(WebGraphQlRequest request, String stored) {
        Map<String, Object> body;
        try {
            body = json.readValue(stored, Map.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("A stored Idempotency-Key response cannot be read", corrupt);
        }
        ExecutionResult.Builder<?> result = ExecutionResultImpl.newExecutionResult();
        if (body.containsKey("data")) {
            result.data(body.get("data"));
        }
        List<GraphQLError> errors = new ArrayList<>();
        for (Object error : (List<Object>) body.getOrDefault("errors", List.of())) {
            errors.add(GraphQLError.fromSpecification((Map<String, Object>) error));
        }
        result.errors(errors);
        if (body.get("extensions") instanceof Map<?, ?> extensions) {
            result.extensions((Map<Object, Object>) extensions);
        }
        WebGraphQlResponse response = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result.build()));
        response.getResponseHeaders().set(REPLAYED_HEADER, "true");
        return response;
    }

    private static WebGraphQlResponse refusal(WebGraphQlRequest request, ErrorCode code, String message) {
        ErrorType type = code == ErrorCode.UNAVAILABLE ? ErrorType.INTERNAL_ERROR : ErrorType.BAD_REQUEST;
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(type).message(message)
                .extensions(Map.of("code", code.name(), "classification", type.name())).build();
        // data present (null), so the refusal is an HTTP 200 GraphQL response like every other refusal
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(null).addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
