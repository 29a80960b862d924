package dev.portfolioledger.query.project;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPlanSchemaTest {

    /**
     * What the app module's schema and the command side's schema define and the query-side files
     * rely on; stand-ins here so the query-side files can be checked on their own.
     */
    private static final String STAND_INS = """
            type Query
            scalar DateTime
            scalar Date
            scalar BigDecimal
            scalar JSON
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            enum CostCategory { LABOUR MATERIALS EQUIPMENT SERVICES TRAVEL CONTINGENCY OTHER }
            enum CommunicationChannel { EMAIL MEETING REPORT CHAT PHONE }
            enum QualityReviewKind { DESIGN_REVIEW TEST_PHASE UAT }
            enum QualityReviewOutcome { PASSED FAILED }
            enum ChangeKind { ADD_DELIVERABLE REMOVE_DELIVERABLE MODIFY_DELIVERABLE MOVE_MILESTONE CHANGE_BUDGET }
            enum Rag { GREEN AMBER RED }
            enum RiskResponse { AVOID MITIGATE TRANSFER ACCEPT }
            """;

    private static TypeDefinitionRegistry parse(String... locations) throws IOException {
        SchemaParser parser = new SchemaParser();
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (String location : locations) {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    registry.merge(parser.parse(reader));
                }
            }
        }
        return registry;
    }

    @Test
    void planFieldsExtendProjectInAValidSchema() throws IOException {
        TypeDefinitionRegistry registry = parse("classpath:graphql/*.graphqls");
        registry.merge(new SchemaParser().parse(STAND_INS));

        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);

        GraphQLObjectType project = schema.getObjectType("Project");
        assertThat(project.getFieldDefinition("deliverables").getType()).isInstanceOf(GraphQLNonNull.class);
        assertThat(GraphQLTypeUtil.unwrapNonNull(project.getFieldDefinition("milestones").getType()))
                .isInstanceOf(GraphQLList.class);
        assertThat(GraphQLTypeUtil.simplePrint(project.getFieldDefinition("budget").getType())).isEqualTo("Budget!");
        assertThat(GraphQLTypeUtil.simplePrint(project.getFieldDefinition("baselineVersion").getType()))
                .isEqualTo("Int");
        assertThat(GraphQLTypeUtil.simplePrint(schema.getObjectType("Milestone").getFieldDefinition("deliverables")
                                                       .getType())).isEqualTo("[Deliverable!]!");
        assertThat(schema.getType("CostCategory")).isInstanceOf(GraphQLEnumType.class);
    }

    @Test
    void everyPlanTypeAndFieldHasADescription() throws IOException {
        TypeDefinitionRegistry registry = parse("classpath:graphql/project-plan.graphqls");

        List<ObjectTypeDefinition> types = registry.getTypes(ObjectTypeDefinition.class);
        assertThat(types).extracting(ObjectTypeDefinition::getName)
                .containsExactlyInAnyOrder("Money", "Deliverable", "Milestone", "Budget", "BudgetLine");
        types.forEach(type -> {
            assertThat(type.getDescription()).as(type.getName()).isNotNull();
            assertDescribed(type.getName(), type.getFieldDefinitions());
        });
        List<ObjectTypeExtensionDefinition> extensions = registry.objectTypeExtensions().get("Project");
        assertThat(extensions).hasSize(1);
        assertDescribed("Project", extensions.get(0).getFieldDefinitions());
    }

    private static void assertDescribed(String typeName, List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            Description description = field.getDescription();
            assertThat(description).as(typeName + "." + field.getName()).isNotNull();
            assertThat(description.getContent()).as(typeName + "." + field.getName()).isNotBlank();
        }
    }
}
