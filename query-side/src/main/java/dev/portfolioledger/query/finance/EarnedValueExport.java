package dev.portfolioledger.query.finance;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The portfolio summary for BI tools: one row per project with its earned value at a date, as
 * known at a record time, written as RFC 4180 CSV or as JSON lines while the rows arrive from a
 * database cursor ({@link EarnedValueReads#eachProject}, in one read-only transaction), so a
 * portfolio of thousands of projects is never held in memory.
 *
 * <p>CSV: a header row, CRLF line ends, UTF-8; a field is quoted when it holds a comma, a double
 * quote (doubled), CR or LF. Formula injection: a text field (name, status, ids) that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or CR is written as text, the spreadsheet way:
 * prefixed with an apostrophe and quoted ({@code "'=SUM(A1)"}). Money and ratios are plain decimal
 * numbers (a negative one starts with {@code -} and is a number, not a formula); undefined ratios
 * are empty fields (JSON null). Figures are exact, as GraphQL gives them.
 */
@Component
public class EarnedValueExport {

    /** The columns, in order; the JSON lines use the same names. */
    public static final List<String> COLUMNS = List.of("projectId", "name", "programId", "status", "currency",
                                                       "bac", "ac", "ev", "pv", "cpi", "spi", "eac", "vac");

    /** The two formats. */
    public enum Format {
        CSV,
        JSONL
    }

    private final EarnedValueReads reads;
    private final TransactionTemplate readOnly;
    private final JsonFactory json = new JsonFactory();

    public EarnedValueExport(EarnedValueReads reads, PlatformTransactionManager transactions) {
        this.reads = reads;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Writes the summary of the portfolio's projects valid at {@code atNs} ({@link EarnedValueReads#LIVE}
     * for now) with their figures at the end of day {@code at}; flushes, does not close {@code out}.
     */
    public void write(EarnedValueScope portfolio, LocalDate at, long atNs, Format format, OutputStream out) {
        try {
            if (format == Format.CSV) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                writer.write(String.join(",", COLUMNS) + "\r\n");
                stream(portfolio, at, atNs, row -> csv(writer, row));
                writer.flush();
            } else {
                JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8);
                generator.setRootValueSeparator(null);
                stream(portfolio, at, atNs, row -> jsonLine(generator, row));
                generator.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RowWriter {
        void write(ProjectFigures row) throws IOException;
    }

    private void stream(EarnedValueScope portfolio, LocalDate at, long atNs, RowWriter writer) {
        readOnly.executeWithoutResult(status -> reads.eachProject(portfolio, at, atNs,
                PortfolioDashboard.spendFrom(at), row -> {
                    try {
                        writer.write(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private static void csv(Writer writer, ProjectFigures row) throws IOException {
        EarnedValueFigures f = row.figures();
        String[] cells = {
                text(row.projectId().toString()), text(row.name()), text(id(row.programId())),
                text(row.status().name()), text(f.currency().getCurrencyCode()),
                number(f.budgetAtCompletionAmount()), number(f.actualCostAmount()), number(f.earnedValueAmount()),
                number(f.plannedValueAmount()), number(f.costPerformanceIndex()), number(f.schedulePerformanceIndex()),
                number(f.estimateAtCompletionAmount()), number(amount(f.varianceAtCompletion()))};
        writer.write(String.join(",", cells));
        writer.write("\r\n");
    }

    private static void jsonLine(JsonGenerator g, ProjectFigures row) throws IOException {
        EarnedValueFigures f = row.figures();
        g.writeStartObject();
        g.writeStringField("projectId", row.projectId().toString());
        g.writeStringField("name", row.name());
        g.writeStringField("programId", id(row.programId()));
        g.writeStringField("status", row.status().name());
        g.writeStringField("currency", f.currency().getCurrencyCode());
        decimal(g, "bac", f.budgetAtCompletionAmount());
        decimal(g, "ac", f.actualCostAmount());
        decimal(g, "ev", f.earnedValueAmount());
        decimal(g, "pv", f.plannedValueAmount());
        decimal(g, "cpi", f.costPerformanceIndex());
        decimal(g, "spi", f.schedulePerformanceIndex());
        decimal(g, "eac", f.estimateAtCompletionAmount());
        decimal(g, "vac", amount(f.varianceAtCompletion()));
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void decimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeFieldName(field);
            g.writeNumber(value.toPlainString());
        }
    }

    private static BigDecimal amount(Amount amount) {
        return amount == null ? null : amount.amount();
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A text field, guarded against formula injection and quoted where RFC 4180 needs it. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean formula = "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String guarded = formula ? "'" + value : value;
        if (formula || guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\r') >= 0
                || guarded.indexOf('\n') >= 0) {
            return '"' + guarded.replace("\"", "\"\"") + '"';
        }
        return guarded;
    }
}
