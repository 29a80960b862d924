package dev.portfolioledger.app.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * GraphQL over HTTP with a request body written by hand, so that what the server receives is
 * exactly what a hostile client sends: every character outside printable ASCII goes as a
 * {@code \\uXXXX} escape, one per UTF-16 unit, so a lone surrogate really arrives as one (a JSON
 * library on the client side would refuse or replace it). {@link Raw} puts a JSON token in as
 * written, e.g. the number {@code 1e1000000}.
 */
public final class RawGraphQl {

    /* Amounts are read back as written: BigDecimal, never a rounded double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A JSON token sent exactly as written. */
    public record Raw(String json) {
    }

    private final WebTestClient client;

    RawGraphQl(WebTestClient client) {
        this.client = client;
    }

    /** Runs the operation of the document {@code graphql-test/<document>.graphql}; returns the whole response. */
    public Response execute(String document, String operation, Map<String, ?> variables) {
        StringBuilder body = new StringBuilder("{\"query\":");
        write(body, document(document));
        if (operation != null) {
            body.append(",\"operationName\":");
            write(body, operation);
        }
        body.append(",\"variables\":");
        write(body, variables);
        body.append('}');
        byte[] response = client.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(body.toString().getBytes(StandardCharsets.US_ASCII))
                .exchange().expectBody().returnResult().getResponseBody();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(response, Map.class);
            return new Response(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("response is not JSON: " + new String(response, StandardCharsets.UTF_8), e);
        }
    }

    /** A GraphQL response as parsed JSON. */
    public record Response(Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            Object errors = body.get("errors");
            return errors == null ? List.of() : (List<Map<String, Object>>) errors;
        }

        /** The code of the first error, or null when the request succeeded. */
        @SuppressWarnings("unchecked")
        public String code() {
            if (errors().isEmpty()) {
                return null;
            }
            Map<String, Object> extensions = (Map<String, Object>) errors().get(0).get("extensions");
            return extensions == null ? "NO CODE" : (String) extensions.get("code");
        }

        public String message() {
            return errors().isEmpty() ? null : (String) errors().get(0).get("message");
        }

        /** The value at a dotted path under {@code data}, or null. */
        public <T> T data(String path) {
            return at(body.get("data"), path);
        }

        /** The value at a dotted path of parsed JSON, or null. */
        @SuppressWarnings("unchecked")
        public static <T> T at(Object root, String path) {
            Object at = root;
            for (String key : path.split("\\.")) {
                if (!(at instanceof Map<?, ?> map)) {
                    return null;
                }
                at = map.get(key);
            }
            return (T) at;
        }
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7E) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, entry.getKey().toString());
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, item);
            }
            out.append(']');
        } else {
            write(out, value.toString());
        }
    }
}
