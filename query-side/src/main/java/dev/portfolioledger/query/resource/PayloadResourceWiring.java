package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.query.payload.PayloadFieldWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The {@code resource} field of every mutation payload ({@code RegisterResourcePayload.resource},
 * {@code AllocateResourcePayload.resource}, ...), answered after read your writes (see
 * {@link PayloadFieldWiring}).
 */
@Component
class PayloadResourceWiring extends PayloadFieldWiring<ResourceView> {

    private final Resources resources;

    PayloadResourceWiring(ProjectionCatchUp catchUp, Resources resources) {
        super("resource", "Resource", catchUp);
        this.resources = resources;
    }

    /** The payload types with a {@code resource: Resource!} (or nullable) field, by name. */
    static List<String> payloadTypesOf(TypeDefinitionRegistry registry) {
        return payloadTypesOf(registry, "resource", "Resource");
    }

    @Override
    protected Optional<ResourceView> find(String aggregateId) {
        return resources.find(ResourceId.of(aggregateId));
    }
}
