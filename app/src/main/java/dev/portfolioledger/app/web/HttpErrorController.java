package dev.portfolioledger.app.web;

import dev.portfolioledger.api.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers every failure outside GraphQL execution (a body that is not JSON, no query, a wrong
 * content type or method, an unknown path, 401 from HTTP Basic) the way GraphQL errors look:
 * {@code {"errors":[{"message", "extensions":{"code","classification"}}]}} with a fitting 4xx
 * status, in place of Spring Boot's default error JSON. A request for the error path itself is
 * an unknown path (404), not a server fault.
 */
@RestController
public class HttpErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(HttpErrorController.class);

    private final ErrorAttributes errorAttributes;

    public HttpErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError()) {
            String incident = UUID.randomUUID().toString();
            log.error("Unexpected failure at {} (incident {})", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                      incident, errorAttributes.getError(new ServletWebRequest(request)));
            return body(status, ErrorCode.INTERNAL.name(), ErrorType.INTERNAL_ERROR,
                        "Something went wrong on our side (incident " + incident + ")");
        }
        return switch (status) {
            case UNAUTHORIZED -> body(status, ErrorCode.UNAUTHENTICATED.name(), ErrorType.UNAUTHORIZED,
                                      "Authentication is required");
            case FORBIDDEN -> body(status, ErrorCode.FORBIDDEN.name(), ErrorType.FORBIDDEN,
                                   "You are not allowed to do this");
            case NOT_FOUND -> body(status, ErrorCode.NOT_FOUND.name(), ErrorType.NOT_FOUND,
                                   "No such resource; the GraphQL endpoint is POST /graphql");
            case METHOD_NOT_ALLOWED -> body(status, ErrorCode.METHOD_NOT_ALLOWED.name(), ErrorType.BAD_REQUEST,
                                            "This method is not supported here; send GraphQL requests with POST");
            case UNSUPPORTED_MEDIA_TYPE -> body(status, ErrorCode.UNSUPPORTED_MEDIA_TYPE.name(), ErrorType.BAD_REQUEST,
                                                "Unsupported content type; send application/json");
            default -> body(status, ErrorCode.BAD_REQUEST.name(), ErrorType.BAD_REQUEST,
                            "The request is malformed; send a JSON object with a \"query\" string");
        };
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, ErrorType classification,
                                                            String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(errors(code, classification, message));
    }

    /** The GraphQL-style body of one error. */
    public static Map<String, Object> errors(String code, ErrorType classification, String message) {
        Map<String, Object> error = Map.of("message", message,
                "extensions", Map.of("code", code, "classification", classification.name()));
        return Map.of("errors", List.of(error));
    }
}
