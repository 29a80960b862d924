package dev.portfolioledger.query.changerequest;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeRequestSchemaTest {

    /** What the app module's and the command side's schemas define; stand-ins to check the query side alone. */
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

    private static TypeDefinitionRegistry parse(String location) throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(location)) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
        return registry;
    }

    @Test
    void changeRequestFieldsMakeAValidSchema() throws IOException {
        TypeDefinitionRegistry registry = parse("classpath:graphql/*.graphqls");
        registry.merge(new SchemaParser().parse(STAND_INS));

        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);

        var changeRequests = schema.getObjectType("Project").getFieldDefinition("changeRequests");
        assertThat(GraphQLTypeUtil.simplePrint(changeRequests.getType())).isEqualTo("ChangeRequestConnection!");
        assertThat(changeRequests.getArgument("first").getArgumentDefaultValue().getValue()).isNotNull();
        GraphQLObjectType query = schema.getQueryType();
        assertThat(GraphQLTypeUtil.simplePrint(query.getFieldDefinition("scopeHistory").getType()))
                .isEqualTo("[BaselineVersion!]!");
        assertThat(GraphQLTypeUtil.simplePrint(query.getFieldDefinition("baselineDiff").getType()))
                .isEqualTo("BaselineDiff!");
        assertThat(GraphQLTypeUtil.simplePrint(schema.getObjectType("ProposedChange")
                                                       .getFieldDefinition("deliverable").getType()))
                .isEqualTo("Deliverable");
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueIsDescribed() throws IOException {
        TypeDefinitionRegistry registry = parse("classpath:graphql/change-request.graphqls");

        for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
            assertThat(type.getDescription()).as(type.getName()).isNotNull();
            assertFieldsDescribed(type.getName(), type.getFieldDefinitions());
        }
        for (EnumTypeDefinition type : registry.getTypes(EnumTypeDefinition.class)) {
            assertThat(type.getDescription()).as(type.getName()).isNotNull();
            for (EnumValueDefinition value : type.getEnumValueDefinitions()) {
                assertThat(value.getDescription()).as(type.getName() + "." + value.getName()).isNotNull();
            }
        }
        List<ObjectTypeExtensionDefinition> extensions = Stream.of("Project", "Query")
                .flatMap(name -> registry.objectTypeExtensions().get(name).stream()).toList();
        assertThat(extensions).hasSize(2);
        extensions.forEach(extension -> assertFieldsDescribed(extension.getName(), extension.getFieldDefinitions()));
    }

    private static void assertFieldsDescribed(String typeName, List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            assertThat(field.getDescription()).as(typeName + "." + field.getName()).isNotNull();
            assertThat(field.getDescription().getContent()).as(typeName + "." + field.getName()).isNotBlank();
            for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                assertThat(argument.getDescription()).as(typeName + "." + field.getName() + "(" + argument.getName()
                                                                 + ")").isNotNull();
            }
        }
    }
}
