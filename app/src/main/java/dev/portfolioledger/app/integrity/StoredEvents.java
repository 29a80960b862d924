package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.integrity.StoredEvent;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a {@code domainevententry} row (columns as {@link IntegrityLogAppender#EVENT_COLUMNS}) as stored. */
public final class StoredEvents {

    private StoredEvents() {
    }

    static StoredEvent read(ResultSet rs) throws SQLException {
        return read(rs, 1);
    }

    /** Reads the ten event columns starting at column {@code first}. */
    public static StoredEvent read(ResultSet rs, int first) throws SQLException {
        return new StoredEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getLong(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getString(first + 7), rs.getBytes(first + 8), rs.getBytes(first + 9));
    }
}
