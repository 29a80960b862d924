package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.query.payload.PayloadFieldWiring;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@code project} field of every mutation payload ({@code ApproveProjectPayload.project},
 * {@code AddDeliverablePayload.project}, ...), answered after read your writes (see
 * {@link PayloadFieldWiring}).
 */
@Component
class PayloadProjectWiring extends PayloadFieldWiring<ProjectView> {

    private final Projects projects;

    PayloadProjectWiring(ProjectionCatchUp catchUp, Projects projects) {
        super("project", "Project", catchUp);
        this.projects = projects;
    }

    @Override
    protected Optional<ProjectView> find(String aggregateId) {
        return projects.find(ProjectId.of(aggregateId));
    }
}
