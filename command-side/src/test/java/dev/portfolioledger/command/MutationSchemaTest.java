package dev.portfolioledger.command;

import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.data.method.annotation.Argument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutation schema files parse, describe everything they declare, and match the controllers
 * that serve them: a field without a controller method, or an input field without a record
 * component, would fail only at runtime.
 */
class MutationSchemaTest {

    /** Each mutation file and the entity its payloads return. */
    private static final Map<String, String> ENTITY_BY_FILE = Map.ofEntries(
            Map.entry("portfolio-mutations.graphqls", "Portfolio"),
            Map.entry("program-mutations.graphqls", "Program"),
            Map.entry("project-mutations.graphqls", "Project"),
            Map.entry("project-planning-mutations.graphqls", "Project"),
            Map.entry("change-request-mutations.graphqls", "Project"),
            Map.entry("resource-mutations.graphqls", "Resource"),
            Map.entry("finance-mutations.graphqls", "Project"),
            Map.entry("project-execution-mutations.graphqls", "Project"),
            Map.entry("project-closure-mutations.graphqls", "Project"),
            Map.entry("risk-mutations.graphqls", "Project"),
            Map.entry("quality-mutations.graphqls", "Project"));
    /** Payload fields besides the entity and the correlation id: the id of what the mutation made. */
    private static final Map<String, Map<String, String>> NEW_IDS = Map.ofEntries(
            Map.entry("AllocateResourcePayload", Map.of("allocationId", "ID!")),
            Map.entry("ReallocateResourcePayload", Map.of("allocationId", "ID!")),
            Map.entry("LogTimePayload", Map.of("timeEntryId", "ID!")),
            Map.entry("RecordExpensePayload", Map.of("entryId", "ID!")),
            Map.entry("ReverseCostPayload", Map.of("reversalEntryId", "ID!")),
            Map.entry("IdentifyRiskPayload", Map.of("riskId", "ID!")),
            Map.entry("ReassessRiskPayload", Map.of("riskId", "ID!")),
            Map.entry("StartRiskMitigationPayload", Map.of("riskId", "ID!")),
            Map.entry("CloseRiskPayload", Map.of("riskId", "ID!")),
            Map.entry("RecordRiskOccurredPayload", Map.of("riskId", "ID!")),
            Map.entry("RegisterStakeholderPayload", Map.of("stakeholderId", "ID!")));
    private static final List<String> FILES = List.copyOf(ENTITY_BY_FILE.keySet());

    /** Stand-ins for what the app and the query side declare. */
    private static final String PROVIDED = """
            type Query { portfolio(id: ID!): Portfolio }
            type Mutation
            scalar Date
            scalar BigDecimal
            type Portfolio { id: ID! }
            type Program { id: ID! }
            type Project { id: ID! }
            type Resource { id: ID! }
            enum Methodology { WATERFALL AGILE SCRUM KANBAN LEAN HYBRID }
            enum LessonCategory { SCOPE SCHEDULE COST QUALITY RISK STAKEHOLDERS RESOURCES PROCESS TECHNOLOGY OTHER }
            enum ObjectiveAchievement { MET PARTLY_MET NOT_MET }
            """;

    private static TypeDefinitionRegistry ours;
    private static TypeDefinitionRegistry whole;
    private static final Map<String, String> entityByPayload = new HashMap<>();

    @BeforeAll
    static void parse() throws IOException {
        SchemaParser parser = new SchemaParser();
        ours = new TypeDefinitionRegistry();
        for (String name : FILES) {
            try (InputStream in = MutationSchemaTest.class.getResourceAsStream("/graphql/" + name)) {
                assertThat(in).as(name).isNotNull();
                TypeDefinitionRegistry file = parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                file.objectTypeExtensions().getOrDefault("Mutation", List.of()).stream()
                        .flatMap(extension -> extension.getFieldDefinitions().stream())
                        .forEach(field -> entityByPayload.put(TypeUtil.unwrapAll(field.getType()).getName(),
                                ENTITY_BY_FILE.get(name)));
                ours.merge(file);
            }
        }
        whole = parser.parse(PROVIDED).merge(ours);
    }

    private static List<FieldDefinition> mutationFields() {
        return ours.objectTypeExtensions().get("Mutation").stream()
                .flatMap(extension -> extension.getFieldDefinitions().stream())
                .toList();
    }

    @Test
    void schemaBuildsWithTheTypesOthersProvide() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(whole, RuntimeWiring.newRuntimeWiring()
                .scalar(placeholderScalar("Date")).scalar(placeholderScalar("BigDecimal")).build());
        assertThat(schema.getMutationType().getFieldDefinitions()).hasSize(53);
    }

    private static GraphQLScalarType placeholderScalar(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
        }).build();
    }

    @Test
    void everythingDeclaredHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (FieldDefinition field : mutationFields()) {
            check(undescribed, "Mutation." + field.getName(), field.getDescription());
            field.getInputValueDefinitions().forEach(argument ->
                    check(undescribed, "Mutation." + field.getName() + "(" + argument.getName() + ")",
                            argument.getDescription()));
        }
        for (TypeDefinition<?> type : ours.types().values()) {
            check(undescribed, type.getName(), ((DescribedNode<?>) type).getDescription());
            if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(value ->
                        check(undescribed, type.getName() + "." + value.getName(), value.getDescription()));
            } else if (type instanceof ObjectTypeDefinition object) {
                object.getFieldDefinitions().forEach(field ->
                        check(undescribed, type.getName() + "." + field.getName(), field.getDescription()));
            } else if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(field ->
                        check(undescribed, type.getName() + "." + field.getName(), field.getDescription()));
            }
        }
        assertThat(undescribed).isEmpty();
    }

    private static void check(List<String> undescribed, String what, Description description) {
        if (description == null || description.getContent().isBlank()) {
            undescribed.add(what);
        }
    }

    @Test
    void mutationsFollowVerbNounInputPayloadConvention() {
        for (FieldDefinition field : mutationFields()) {
            String typeStem = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
            assertThat(field.getInputValueDefinitions()).as(field.getName()).hasSize(1);
            InputValueDefinition input = field.getInputValueDefinitions().get(0);
            assertThat(input.getName()).isEqualTo("input");
            assertThat(TypeUtil.isNonNull(input.getType())).as(field.getName() + " input is required").isTrue();
            assertThat(TypeUtil.unwrapAll(input.getType()).getName()).isEqualTo(typeStem + "Input");
            assertThat(TypeUtil.isNonNull(field.getType())).as(field.getName() + " payload is non-null").isTrue();
            assertThat(TypeUtil.unwrapAll(field.getType()).getName()).isEqualTo(typeStem + "Payload");
        }
    }

    @Test
    void payloadsCarryTheChangedEntityAndTheCorrelationId() {
        for (FieldDefinition field : mutationFields()) {
            String payload = TypeUtil.unwrapAll(field.getType()).getName();
            ObjectTypeDefinition type = (ObjectTypeDefinition) ours.getType(payload).orElseThrow();
            Map<String, String> fields = type.getFieldDefinitions().stream().collect(Collectors.toMap(
                    FieldDefinition::getName, definition -> TypeUtil.simplePrint(definition.getType())));
            String entity = entityByPayload.get(payload);
            Map<String, String> expected = new HashMap<>(NEW_IDS.getOrDefault(payload, Map.of()));
            expected.put(entity.toLowerCase(Locale.ROOT), entity + "!");
            expected.put("correlationId", "ID!");
            assertThat(fields).as(payload).containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    void everyMutationFieldHasAControllerMethodAndBack() {
        Set<String> fields = mutationFields().stream().map(FieldDefinition::getName).collect(Collectors.toSet());
        Set<String> methods = MutationControllerTest.mutationMethods().stream().map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(methods).isEqualTo(fields);
    }

    @Test
    void inputFieldsBindToTheControllersInputRecords() {
        Map<String, Method> methods = MutationControllerTest.mutationMethods().stream()
                .collect(Collectors.toMap(Method::getName, Function.identity()));
        for (FieldDefinition field : mutationFields()) {
            Method method = methods.get(field.getName());
            assertThat(method.getParameterCount()).isEqualTo(1);
            assertThat(method.getParameters()[0].isAnnotationPresent(Argument.class)).isTrue();
            Class<?> record = method.getParameterTypes()[0];
            String inputType = ((TypeName) TypeUtil.unwrapAll(field.getInputValueDefinitions().get(0).getType()))
                    .getName();
            InputObjectTypeDefinition input = (InputObjectTypeDefinition) ours.getType(inputType).orElseThrow();
            assertThat(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName))
                    .as(inputType + " bound to " + record.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(
                            input.getInputValueDefinitions().stream().map(InputValueDefinition::getName).toList());
        }
    }

    @Test
    void mutationExtensionsAddToTheAppsMutationType() {
        assertThat(ours.objectTypeExtensions().get("Mutation")).hasSize(FILES.size())
                .allMatch(extension -> extension instanceof ObjectTypeExtensionDefinition);
        assertThat(ours.getType("Mutation")).as("Mutation itself is declared by the app").isEmpty();
    }
}
