package dev.portfolioledger.app.evidence;

import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.app.graphql.GraphQlErrors;
import dev.portfolioledger.app.integrity.IntegrityEnabled;
import dev.portfolioledger.app.web.HttpErrorController;
import dev.portfolioledger.axon.security.Roles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Map;

/**
 * The evidence bundle of a project or a portfolio for a period, as one JSON file (README, Tamper-evident
 * audit): same authentication as GraphQL, roles PMO and AUDITOR (rule VERIFY_AUDIT). Refusals answer
 * before the first byte of the bundle, in the shape of every other HTTP error: 400 VALIDATION_FAILED,
 * 404 NOT_FOUND, 503 TIMEOUT.
 */
@RestController
@IntegrityEnabled
@RequestMapping("/exports/evidence")
public class EvidenceExportController {

    private final EvidenceExports exports;

    public EvidenceExportController(EvidenceExports exports) {
        this.exports = exports;
    }

    @GetMapping("/projects/{id}")
    @PreAuthorize(Roles.VERIFY_AUDIT)
    public void project(@PathVariable String id, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        send(exports.project(id, from, to), response);
    }

    @GetMapping("/portfolios/{id}")
    @PreAuthorize(Roles.VERIFY_AUDIT)
    public void portfolio(@PathVariable String id, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        send(exports.portfolio(id, from, to), response);
    }

    private static void send(EvidenceExports.Export export, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"");
        export.writeTo(response.getOutputStream());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(RuleViolation violation) {
        HttpStatus status = switch (violation.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TIMEOUT, UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(HttpErrorController.errors(violation.code().name(), GraphQlErrors.classify(violation.code()),
                        violation.getMessage()));
    }
}
