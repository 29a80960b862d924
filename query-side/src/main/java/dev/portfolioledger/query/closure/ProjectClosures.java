package dev.portfolioledger.query.closure;

import dev.portfolioledger.query.instant.RecordInstant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.LessonLearned;
import dev.portfolioledger.api.project.Methodology;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.query.project.ProjectView;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The project_closure_view and lesson_learned_view tables: each closure, and each of its lessons,
 * with the record time of its {@code ProjectClosedEvent}. A closure is final and never changes,
 * so the rows are written once and an as-of read is a filter on that time ({@code closed_ns <= t};
 * live reads use {@link RecordInstant#LIVE}).
 */
@Repository
public class ProjectClosures {


    /**
     * A closure as the live projection met it.
     *
     * @param project  the project's view after the closure (name, portfolio and methodology)
     * @param closedNs the record time of the closure's event, nanoseconds since the epoch
     */
    public record Closed(ProjectClosureView closure, ProjectView project, long closedNs) {
    }

    /** Where a page of lessons continues: the newest closures first, then by project and position. */
    public record LessonKey(long closedNs, UUID projectId, int position) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public ProjectClosures(NamedParameterJdbcTemplate jdbc,
                           @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Writes the closures and their lessons; a closure met again (a redelivery) is left as it is. */
    public void record(List<Closed> closures) {
        if (closures.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO project_closure_view (project_id, portfolio_id, closed_ns, document)
                VALUES (:projectId, :portfolioId, :ns, CAST(:document AS jsonb))
                ON CONFLICT (project_id) DO NOTHING
                """, closures.stream().map(c -> new MapSqlParameterSource()
                .addValue("projectId", c.closure().projectId().value())
                .addValue("portfolioId", c.project().portfolioId().value())
                .addValue("ns", c.closedNs())
                .addValue("document", json(c.closure()))).toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> lessons = new ArrayList<>();
        for (Closed c : closures) {
            List<LessonLearned> learned = c.closure().lessonsLearned();
            for (int i = 0; i < learned.size(); i++) {
                lessons.add(new MapSqlParameterSource()
                        .addValue("projectId", c.closure().projectId().value())
                        .addValue("position", i)
                        .addValue("portfolioId", c.project().portfolioId().value())
                        .addValue("name", c.project().name())
                        .addValue("methodology", c.project().methodology().name())
                        .addValue("category", learned.get(i).category().name())
                        .addValue("text", learned.get(i).text())
                        .addValue("closedOn", c.closure().closedOn())
                        .addValue("ns", c.closedNs()));
            }
        }
        if (!lessons.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO lesson_learned_view (project_id, position, portfolio_id, project_name, methodology,
                                                     category, text, closed_on, closed_ns)
                    VALUES (:projectId, :position, :portfolioId, :name, :methodology, :category, :text, :closedOn,
                            :ns)
                    ON CONFLICT (project_id, position) DO NOTHING
                    """, lessons.toArray(SqlParameterSource[]::new));
        }
    }

    /** The closures of these projects recorded at or before {@code atNs}; a project not closed by then is absent. */
    public Map<ProjectId, ProjectClosureView> closures(Collection<ProjectId> projectIds, long atNs) {
        Map<ProjectId, ProjectClosureView> found = new HashMap<>();
        if (projectIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT project_id, document FROM project_closure_view
                WHERE project_id IN (:ids) AND closed_ns <= :at
                """, new MapSqlParameterSource("ids", projectIds.stream().map(ProjectId::value).distinct().toList())
                .addValue("at", atNs), rs -> {
                    found.put(new ProjectId(rs.getObject("project_id", UUID.class)),
                              read(rs.getString("document")));
                });
        return found;
    }

    /**
     * Up to {@code limit} lessons of the portfolio's projects closed at or before {@code atNs}, newest
     * closure first (then by project id and the lesson's position), after {@code after}.
     */
    public List<Keyed> lessons(UUID portfolioId, LessonFilter filter, long atNs, LessonKey after, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("portfolio", portfolioId)
                .addValue("at", atNs)
                .addValue("category", filter.category() == null ? null : filter.category().name())
                .addValue("methodology", filter.methodology() == null ? null : filter.methodology().name())
                .addValue("limit", limit);
        String keyset = "";
        if (after != null) {
            keyset = " AND (closed_ns < :afterNs OR (closed_ns = :afterNs AND (project_id, position)"
                     + " > (:afterProject, :afterPosition)))";
            params.addValue("afterNs", after.closedNs()).addValue("afterProject", after.projectId())
                    .addValue("afterPosition", after.position());
        }
        return jdbc.query("""
                SELECT project_id, position, project_name, methodology, category, text, closed_on, closed_ns
                FROM lesson_learned_view
                WHERE portfolio_id = :portfolio AND closed_ns <= :at
                  AND (CAST(:category AS text) IS NULL OR category = :category)
                  AND (CAST(:methodology AS text) IS NULL OR methodology = :methodology)
                """ + keyset + """

                ORDER BY closed_ns DESC, project_id, position
                LIMIT :limit
                """, params, (rs, n) -> {
            long closedNs = rs.getLong("closed_ns");
            UUID projectId = rs.getObject("project_id", UUID.class);
            int position = rs.getInt("position");
            return new Keyed(new LessonKey(closedNs, projectId, position), new PortfolioLesson(
                    new ProjectId(projectId), position, rs.getString("project_name"),
                    Methodology.valueOf(rs.getString("methodology")), LessonCategory.valueOf(rs.getString("category")),
                    rs.getString("text"), rs.getObject("closed_on", LocalDate.class),
                    instant(closedNs)));
        });
    }

    /** A lesson with the key a page continues after. */
    public record Keyed(LessonKey key, PortfolioLesson lesson) {
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE project_closure_view, lesson_learned_view");
    }

    private String json(ProjectClosureView closure) {
        try {
            return objectMapper.writeValueAsString(closure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the closure of " + closure.projectId() + " as JSON", e);
        }
    }

    private ProjectClosureView read(String json) {
        try {
            return objectMapper.readValue(json, ProjectClosureView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored project closure", e);
        }
    }
}
