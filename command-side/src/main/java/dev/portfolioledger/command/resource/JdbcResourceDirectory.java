package dev.portfolioledger.command.resource;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.resource.ResourceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * {@link ResourceDirectory} in the {@code resource_directory} and {@code resource_project} tables,
 * on the command's (or the event handler's) own transaction.
 */
@Component
class JdbcResourceDirectory implements ResourceDirectory {

    private final JdbcTemplate jdbc;

    JdbcResourceDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(ResourceId resourceId, PortfolioId portfolioId) {
        return jdbc.update("INSERT INTO resource_directory (resource_id, portfolio_id) VALUES (?, ?)"
                + " ON CONFLICT (resource_id) DO NOTHING", resourceId.value(), portfolioId.value()) == 1;
    }

    @Override
    public void recordAllocation(ResourceId resourceId, ProjectId projectId) {
        jdbc.update("INSERT INTO resource_project (resource_id, project_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                resourceId.value(), projectId.value());
    }

    @Override
    public List<ResourceId> allocatedTo(ProjectId projectId) {
        return jdbc.query("SELECT resource_id FROM resource_project WHERE project_id = ? ORDER BY resource_id",
                (rs, row) -> new ResourceId(rs.getObject(1, UUID.class)), projectId.value());
    }
}
