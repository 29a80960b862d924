package dev.portfolioledger.query.live;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The last_sequence of the root rows (portfolio_view, program_view, project_view, resource_view): per aggregate,
 * the newest event its live views reflect.
 */
@Repository
class LiveViewPositions {

    private final NamedParameterJdbcTemplate jdbc;

    LiveViewPositions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One query for all the aggregates; aggregates without a root row are absent. */
    Map<UUID, Long> of(Collection<UUID> aggregateIds) {
        Map<UUID, Long> positions = new HashMap<>();
        jdbc.query("""
                SELECT id, last_sequence FROM portfolio_view WHERE id IN (:ids)
                UNION ALL SELECT id, last_sequence FROM program_view WHERE id IN (:ids)
                UNION ALL SELECT id, last_sequence FROM project_view WHERE id IN (:ids)
                UNION ALL SELECT id, last_sequence FROM resource_view WHERE id IN (:ids)
                """, Map.of("ids", aggregateIds), rs -> {
                    positions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return positions;
    }
}
