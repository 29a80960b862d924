package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.resource.ResourceId;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.catchup.ProjectionCatchUp;
import dev.portfolioledger.axon.command.CommandReceipt;
import graphql.language.FieldDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The {@code resource} field of every mutation payload ({@code RegisterResourcePayload.resource},
 * {@code AllocateResourcePayload.resource}, ...), wired once: every object type whose name ends
 * in {@code Payload} and that has a field {@code resource: Resource!} answers it from the
 * {@link CommandReceipt} the mutation returned (the resource's id is the aggregate's), once the
 * views have caught up with it (read your writes). A new mutation gets it by declaring the field.
 */
@Component
class PayloadResourceWiring implements RuntimeWiringConfigurer {

    private final ProjectionCatchUp catchUp;
    private final Resources resources;
    private List<String> payloadTypes = List.of();

    PayloadResourceWiring(ProjectionCatchUp catchUp, Resources resources) {
        this.catchUp = catchUp;
        this.resources = resources;
    }

    @Override
    public void setTypeDefinitionRegistry(TypeDefinitionRegistry registry) {
        payloadTypes = payloadTypesOf(registry);
    }

    /** The payload types with a {@code resource: Resource!} (or nullable) field, by name. */
    static List<String> payloadTypesOf(TypeDefinitionRegistry registry) {
        return registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(type -> type.getName().endsWith("Payload"))
                .filter(type -> type.getFieldDefinitions().stream().anyMatch(PayloadResourceWiring::isResourceField))
                .map(ObjectTypeDefinition::getName)
                .sorted()
                .toList();
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        DataFetcher<ResourceView> afterCatchUp = environment -> afterCatchUp(environment.getSource());
        for (String payload : payloadTypes) {
            wiring.type(payload, type -> type.dataFetcher("resource", afterCatchUp));
        }
    }

    /** The payload types wired, for tests. */
    List<String> payloadTypes() {
        return payloadTypes;
    }

    private static boolean isResourceField(FieldDefinition field) {
        Type<?> type = field.getType() instanceof NonNullType nonNull ? nonNull.getType() : field.getType();
        return field.getName().equals("resource") && type instanceof TypeName name
                && name.getName().equals("Resource");
    }

    /** Read your writes: the mutation's own change is in the view before it is returned. */
    private ResourceView afterCatchUp(CommandReceipt receipt) {
        catchUp.await(ProcessingGroups.VIEWS, receipt);
        return resources.find(ResourceId.of(receipt.aggregateId())).orElseThrow(() -> new RuleViolation(
                ErrorCode.VIEW_OUT_OF_DATE, "The change was stored, but the resource view does not show it yet"));
    }
}
