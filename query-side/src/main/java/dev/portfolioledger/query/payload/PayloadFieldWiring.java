package dev.portfolioledger.query.payload;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
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

import java.util.List;
import java.util.Optional;

/**
 * One view field of every mutation payload, wired once: every object type whose name ends in
 * {@code Payload} and that has the field ({@code project: Project!}, {@code resource: Resource!},
 * nullable or not) answers it from the {@link CommandReceipt} the mutation returned (the view's id
 * is the aggregate's), once the views have caught up with it (read your writes). A new mutation
 * gets it by declaring the field; refusals go through the same exception handlers as every other
 * field. A subclass names the field and its type and finds the view.
 *
 * @param <V> the view the field answers with
 */
public abstract class PayloadFieldWiring<V> implements RuntimeWiringConfigurer {

    private final String field;
    private final String typeName;
    private final ProjectionCatchUp catchUp;
    private List<String> payloadTypes = List.of();

    protected PayloadFieldWiring(String field, String typeName, ProjectionCatchUp catchUp) {
        this.field = field;
        this.typeName = typeName;
        this.catchUp = catchUp;
    }

    /** The view of the aggregate, if the views hold it. */
    protected abstract Optional<V> find(String aggregateId);

    @Override
    public void setTypeDefinitionRegistry(TypeDefinitionRegistry registry) {
        payloadTypes = payloadTypesOf(registry, field, typeName);
    }

    /** The payload types with a field of that name and (possibly non-null) type, by name. */
    public static List<String> payloadTypesOf(TypeDefinitionRegistry registry, String field, String typeName) {
        return registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(type -> type.getName().endsWith("Payload"))
                .filter(type -> type.getFieldDefinitions().stream().anyMatch(f -> is(f, field, typeName)))
                .map(ObjectTypeDefinition::getName)
                .sorted()
                .toList();
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        DataFetcher<V> afterCatchUp = environment -> afterCatchUp(environment.getSource());
        for (String payload : payloadTypes) {
            wiring.type(payload, type -> type.dataFetcher(field, afterCatchUp));
        }
    }

    /** The payload types wired, for tests. */
    public List<String> payloadTypes() {
        return payloadTypes;
    }

    private static boolean is(FieldDefinition definition, String field, String typeName) {
        Type<?> type = definition.getType() instanceof NonNullType nonNull ? nonNull.getType() : definition.getType();
        return definition.getName().equals(field) && type instanceof TypeName name && name.getName().equals(typeName);
    }

    /** Read your writes: the mutation's own change is in the view before it is returned. */
    private V afterCatchUp(CommandReceipt receipt) {
        catchUp.await(ProcessingGroups.VIEWS, receipt);
        return find(receipt.aggregateId()).orElseThrow(() -> new RuleViolation(ErrorCode.VIEW_OUT_OF_DATE,
                "The change was stored, but the " + field + " view does not show it yet"));
    }
}
