package dev.portfolioledger.query.paging;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.RuleViolation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the row a page ended on, base64url-encoded.
 *
 * <p>Each cursor names the listing it belongs to, so a cursor of one connection handed to another
 * is refused rather than silently read as a different sort key. Clients must treat cursors as
 * opaque; the layout may change with a new {@link #FORMAT} byte.
 */
public final class Cursors {

    private static final byte FORMAT = 1;
    private static final int MAX_LENGTH = 2048;

    private Cursors() {
    }

    public static String encode(String listing, String... keys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(listing);
            out.writeByte(keys.length);
            for (String key : keys) {
                out.writeUTF(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /**
     * Reads back the keys of a cursor made by {@link #encode} for the same listing.
     *
     * @throws RuleViolation VALIDATION_FAILED when the cursor is not one this listing issued
     */
    public static List<String> decode(String listing, String cursor, int arity) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw malformed();
        }
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
            if (in.readByte() != FORMAT || !listing.equals(in.readUTF()) || in.readByte() != arity) {
                throw malformed();
            }
            List<String> keys = new ArrayList<>(arity);
            for (int i = 0; i < arity; i++) {
                String key = in.readUTF();
                // A forged cursor can carry what PostgreSQL refuses (modified UTF-8 encodes NUL
                // and lone surrogates); its keys go into SQL, so it is refused as malformed here.
                Checks.storable(key, "after");
                keys.add(key);
            }
            if (in.available() > 0) {
                throw malformed();
            }
            return keys;
        } catch (IOException | IllegalArgumentException | RuleViolation e) {
            throw malformed();
        }
    }

    public static long decodeLong(String listing, String cursor) {
        try {
            return Long.parseLong(decode(listing, cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    static RuleViolation malformed() {
        return Checks.invalid("after is not a cursor of this list; pass an endCursor returned by it");
    }
}
