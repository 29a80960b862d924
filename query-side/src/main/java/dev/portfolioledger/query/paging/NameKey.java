package dev.portfolioledger.query.paging;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.RuleViolation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Sort key of lists ordered by name case-insensitively, then id. {@code sortName} is the name as
 * the database lower-cases it, so the cursor compares exactly like the SQL ordering does.
 */
public record NameKey(String sortName, UUID id) {

    public NameKey {
        Objects.requireNonNull(sortName, "sortName");
        Objects.requireNonNull(id, "id");
    }

    public String toCursor(String listing) {
        return Cursors.encode(listing, sortName, id.toString());
    }

    public static NameKey fromCursor(String listing, String cursor) {
        List<String> keys = Cursors.decode(listing, cursor, 2);
        try {
            return new NameKey(keys.get(0), Checks.uuid(keys.get(1), "cursor id"));
        } catch (RuleViolation e) {
            throw Cursors.malformed();
        }
    }
}
