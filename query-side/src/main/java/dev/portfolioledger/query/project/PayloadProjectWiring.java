package dev.portfolioledger.query.project;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.api.project.ProjectId;
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
 * The {@code project} field of every mutation payload ({@code ApproveProjectPayload.project},
 * {@code AddDeliverablePayload.project}, ...), wired once: every object type whose name ends in
 * {@code Payload} and that has a field {@code project: Project!} answers it from the
 * {@link CommandReceipt} the mutation returned, once the views have caught up with it (read your
 * writes). A new mutation gets it by declaring the field. Refusals go through the same exception
 * handlers as every other field.
 */
@Component
class PayloadProjectWiring implements RuntimeWiringConfigurer {

    private final ProjectionCatchUp catchUp;
    private final Projects projects;
    private List<String> payloadTypes = List.of();

    PayloadProjectWiring(ProjectionCatchUp catchUp, Projects projects) {
        this.catchUp = catchUp;
        this.projects = projects;
    }

    @Override
    public void setTypeDefinitionRegistry(TypeDefinitionRegistry registry) {
        payloadTypes = registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(type -> type.getName().endsWith("Payload"))
                .filter(type -> type.getFieldDefinitions().stream().anyMatch(PayloadProjectWiring::isProjectField))
                .map(ObjectTypeDefinition::getName)
                .sorted()
                .toList();
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        DataFetcher<ProjectView> afterCatchUp = environment -> afterCatchUp(environment.getSource());
        for (String payload : payloadTypes) {
            wiring.type(payload, type -> type.dataFetcher("project", afterCatchUp));
        }
    }

    /** The payload types wired, for tests. */
    List<String> payloadTypes() {
        return payloadTypes;
    }

    private static boolean isProjectField(FieldDefinition field) {
        Type<?> type = field.getType() instanceof NonNullType nonNull ? nonNull.getType() : field.getType();
        return field.getName().equals("project") && type instanceof TypeName name && name.getName().equals("Project");
    }

    /** Read your writes: the mutation's own change is in the view before it is returned. */
    private ProjectView afterCatchUp(CommandReceipt receipt) {
        catchUp.await(ProcessingGroups.VIEWS, receipt);
        return projects.find(ProjectId.of(receipt.aggregateId())).orElseThrow(() -> new RuleViolation(
                ErrorCode.VIEW_OUT_OF_DATE, "The change was stored, but the project view does not show it yet"));
    }
}
