package dev.portfolioledger.query.asof;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.program.ProgramId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link Membership} from the live program, project, resource and time entry views (only their ids are used). */
@Component
public class LiveMembership implements Membership {

    private final NamedParameterJdbcTemplate jdbc;

    public LiveMembership(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProgramId> programsOf(PortfolioId portfolioId) {
        return ids("SELECT id FROM program_view WHERE portfolio_id = :id", portfolioId.value())
                .stream().map(ProgramId::new).toList();
    }

    @Override
    public List<ProjectId> projectsOf(PortfolioId portfolioId) {
        return ids("SELECT id FROM project_view WHERE portfolio_id = :id", portfolioId.value())
                .stream().map(ProjectId::new).toList();
    }

    @Override
    public List<ProjectId> allProjects() {
        return jdbc.queryForList("SELECT id FROM project_view", Map.of(), UUID.class)
                .stream().map(ProjectId::new).toList();
    }

    @Override
    public List<ProjectId> projectsOf(ProgramId programId) {
        return ids("SELECT id FROM project_view WHERE program_id = :id", programId.value())
                .stream().map(ProjectId::new).toList();
    }

    @Override
    public List<ResourceId> resourcesOf(PortfolioId portfolioId) {
        return ids("SELECT id FROM resource_view WHERE portfolio_id = :id", portfolioId.value())
                .stream().map(ResourceId::new).toList();
    }

    @Override
    public List<ResourceId> allResources() {
        return jdbc.queryForList("SELECT id FROM resource_view", Map.of(), UUID.class)
                .stream().map(ResourceId::new).toList();
    }

    @Override
    public List<ResourceId> resourcesLoggingOn(ProjectId projectId) {
        return ids("SELECT DISTINCT resource_id FROM time_entry_view WHERE project_id = :id", projectId.value())
                .stream().map(ResourceId::new).toList();
    }

    private List<UUID> ids(String sql, UUID parent) {
        return jdbc.queryForList(sql, Map.of("id", parent), UUID.class);
    }
}
