package dev.portfolioledger.query.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portfolioledger.api.project.DeliverableId;
import dev.portfolioledger.api.project.ProjectId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project_quality_view table: one row per project. The live projection writes it in the batch
 * that moves the project's row (whose position guards redeliveries), so it needs no sequence of its own.
 */
@Repository
public class ProjectQualities {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public ProjectQualities(NamedParameterJdbcTemplate jdbc,
                            @Qualifier("defaultAxonObjectMapper") ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** The views of the projects that have one. */
    public Map<ProjectId, ProjectQualityView> findAll(Collection<ProjectId> ids) {
        Map<ProjectId, ProjectQualityView> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT document FROM project_quality_view WHERE project_id IN (:ids)",
                   Map.of("ids", ids.stream().map(ProjectId::value).distinct().toList()), rs -> {
                       ProjectQualityView view = view(rs);
                       found.put(view.projectId(), view);
                   });
        return found;
    }

    /**
     * The projects holding something about each of the deliverables, by deliverable. A deliverable
     * id belongs to one project (ids are UUIDs); what another project recorded under the same id
     * would be listed too, and the caller keeps the project it asks about.
     */
    public Map<DeliverableId, List<ProjectQualityView>> ofDeliverables(Collection<DeliverableId> ids) {
        Map<DeliverableId, List<ProjectQualityView>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> wanted = ids.stream().map(DeliverableId::toString).distinct().toList();
        jdbc.query("SELECT document FROM project_quality_view WHERE deliverable_ids && CAST(:ids AS uuid[])",
                   new MapSqlParameterSource("ids", wanted.toArray(String[]::new)), rs -> {
                       ProjectQualityView view = view(rs);
                       for (DeliverableQuality deliverable : view.deliverables()) {
                           if (wanted.contains(deliverable.deliverableId().toString())) {
                               found.computeIfAbsent(deliverable.deliverableId(), k -> new ArrayList<>()).add(view);
                           }
                       }
                   });
        return found;
    }

    /** Writes the changed views (whole rows). */
    public void saveAll(Collection<ProjectQualityView> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO project_quality_view (project_id, deliverable_ids, document)
                VALUES (:projectId, CAST(:deliverableIds AS uuid[]), CAST(:document AS jsonb))
                ON CONFLICT (project_id) DO UPDATE SET deliverable_ids = EXCLUDED.deliverable_ids,
                    document = EXCLUDED.document
                """, views.stream().map(v -> new MapSqlParameterSource()
                .addValue("projectId", v.projectId().value())
                // sent as text[] and cast: the driver has no portable binding for uuid[]
                .addValue("deliverableIds", v.deliverables().stream().map(d -> d.deliverableId().toString())
                        .toArray(String[]::new))
                .addValue("document", json(v))).toArray(SqlParameterSource[]::new));
    }

    public void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE project_quality_view");
    }

    private ProjectQualityView view(ResultSet rs) throws SQLException {
        try {
            return objectMapper.readValue(rs.getString("document"), ProjectQualityView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored quality view", e);
        }
    }

    private String json(ProjectQualityView view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a quality view as JSON", e);
        }
    }
}
