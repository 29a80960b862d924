package dev.portfolioledger.app.rebuild;

import dev.portfolioledger.axon.security.Roles;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** The operator's rebuild API of rebuild.graphqls; in the app because it drives Axon's processors. */
@Controller
public class ProjectionRebuildGraphQlController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionRebuildGraphQlController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @MutationMapping
    @PreAuthorize(Roles.OPERATE)
    public RebuildProjectionPayload rebuildProjection(@Argument RebuildProjectionInput input) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return new RebuildProjectionPayload(rebuilds.start(input.processingGroup(), user.getName()));
    }

    @QueryMapping
    @PreAuthorize(Roles.OPERATE)
    public ProjectionRebuild projectionRebuild(@Argument String processingGroup) {
        return rebuilds.last(processingGroup);
    }

    /** As decimal strings: event counts outgrow GraphQL's 32-bit Int. */
    @SchemaMapping(typeName = "ProjectionRebuild", field = "eventsTotal")
    public String eventsTotal(ProjectionRebuild rebuild) {
        return Long.toString(rebuild.eventsTotal());
    }

    @SchemaMapping(typeName = "ProjectionRebuild", field = "eventsDone")
    public String eventsDone(ProjectionRebuild rebuild) {
        return Long.toString(rebuild.eventsDone());
    }
}
