package dev.portfolioledger.app.finance;

import dev.portfolioledger.axon.security.Roles;
import dev.portfolioledger.query.asof.RecordTime;
import dev.portfolioledger.query.finance.EarnedValueExport;
import dev.portfolioledger.query.finance.EarnedValueReads;
import dev.portfolioledger.query.finance.EarnedValueScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * {@code GET /exports/portfolios/{id}/summary.csv} and {@code .jsonl}: the portfolio's projects
 * with their earned value ({@link EarnedValueExport}), at {@code ?at=} (a date, default today, or
 * the {@code asOf} instant's date) as known at {@code ?asOf=} (an ISO instant, default now). The
 * rule is {@code Portfolio.earnedValue}'s: READ_VIEWS (401 without credentials, 403 for other
 * roles); 404 for an unknown portfolio, 400 for a malformed id or parameter. The body is streamed
 * as the rows arrive.
 */
@RestController
public class EarnedValueExportController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType JSONL = new MediaType("application", "jsonl", java.nio.charset.StandardCharsets.UTF_8);

    private final EarnedValueReads reads;
    private final EarnedValueExport export;

    public EarnedValueExportController(EarnedValueReads reads, EarnedValueExport export) {
        this.reads = reads;
        this.export = export;
    }

    @GetMapping("/exports/portfolios/{id}/summary.csv")
    @PreAuthorize(Roles.READ_VIEWS)
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable String id, @RequestParam(required = false) String at,
                                                     @RequestParam(required = false) String asOf) {
        return summary(id, at, asOf, EarnedValueExport.Format.CSV, CSV, "csv");
    }

    @GetMapping("/exports/portfolios/{id}/summary.jsonl")
    @PreAuthorize(Roles.READ_VIEWS)
    public ResponseEntity<StreamingResponseBody> jsonl(@PathVariable String id,
                                                       @RequestParam(required = false) String at,
                                                       @RequestParam(required = false) String asOf) {
        return summary(id, at, asOf, EarnedValueExport.Format.JSONL, JSONL, "jsonl");
    }

    private ResponseEntity<StreamingResponseBody> summary(String id, String at, String asOf,
                                                          EarnedValueExport.Format format, MediaType type,
                                                          String extension) {
        UUID portfolioId = parse(() -> UUID.fromString(id), "id is not a portfolio id (a UUID)");
        Instant instant = asOf == null ? null
                : parse(() -> OffsetDateTime.parse(asOf).toInstant(), "asOf must be an ISO date-time with offset");
        LocalDate day = at == null ? LocalDate.ofInstant(instant == null ? Instant.now() : instant, ZoneOffset.UTC)
                : parse(() -> LocalDate.parse(at), "at must be an ISO date (yyyy-mm-dd)");
        long atNs = instant == null ? EarnedValueReads.LIVE : RecordTime.nanos(instant);
        EarnedValueScope portfolio = reads.portfolio(portfolioId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no portfolio " + portfolioId));
        StreamingResponseBody body = out -> export.write(portfolio, day, atNs, format, out);
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"portfolio-" + portfolioId + "-" + day + "."
                        + extension + "\"")
                .body(body);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
        }
    }
}
