package dev.portfolioledger.app.graphql;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits that refuse a request before any of it runs, each with its own code. */
class QueryLimitsTest extends GraphQlIntegrationTest {

    /** The tester's attack: portfolio > programs > projects > portfolio > programs, three times side by side. */
    private static final String NESTED_LISTS = """
            query($id: ID!) { portfolio(id: $id) {
              a: programs(first: 100) { edges { node { projects(first: 100) { edges { node {
                   portfolio { programs(first: 100) { edges { node { id } } } } } } } } } }
              b: programs(first: 100) { edges { node { projects(first: 100) { edges { node {
                   portfolio { programs(first: 100) { edges { node { name } } } } } } } } } }
              c: programs(first: 100) { edges { node { projects(first: 100) { edges { node {
                   portfolio { programs(first: 100) { edges { node { status } } } } } } } } } }
            } }""";

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void nestedListsAreRefusedAsTooComplexBeforeTheyRun() {
        String portfolioId = newPortfolio();
        newProgram(portfolioId);
        long started = System.nanoTime();
        var response = as("member").document(NESTED_LISTS).variable("id", portfolioId).execute();
        long millis = (System.nanoTime() - started) / 1_000_000;
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX")
                    .containsEntry("classification", "BAD_REQUEST");
            assertThat(errors.get(0).getMessage()).contains("50000");
        });
        response.path("portfolio").pathDoesNotExist();
        assertThat(millis).as("refused before it ran").isLessThan(2_000);
    }

    @Test
    void aliasedCopiesOfOneFieldAreEachCounted() {
        String projectId = newProject(newPortfolio(), null);
        String aliases = IntStream.range(0, 500).mapToObj(i -> "p" + i + ": project(id: $id) { id name }")
                .collect(Collectors.joining(" "));
        assertRefused(as("member").document("query($id: ID!) { " + aliases + " }").variable("id", projectId),
                      "QUERY_TOO_COMPLEX");
    }

    @Test
    void moreMutationsThanAllowedInOneRequestAreRefusedAndNothingIsStored() {
        String prefix = unique("Batch");
        String mutations = IntStream.range(0, 21).mapToObj(i -> "m" + i + ": createPortfolio(input: {name: \""
                + prefix + " " + i + "\", currency: \"EUR\", owner: \"Olivia\"}) { portfolio { id } }")
                .collect(Collectors.joining(" "));
        long before = eventCount();
        assertRefused(as("pmo").document("mutation { " + mutations + " }"), "TOO_MANY_MUTATIONS");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM portfolio_view WHERE name LIKE ?", Long.class,
                                       prefix + "%")).isZero();
    }

    @Test
    void queryNestedBeyondTheDepthLimitIsRefusedAsTooDeep() {
        String projectId = newProject(newPortfolio(), null);
        assertRefused(as("member").document("""
                query($id: ID!) { project(id: $id) { portfolio { projects { edges { node {
                  portfolio { projects { edges { node { portfolio { projects { edges { node { id } } } } } } } } } } } } } }
                """).variable("id", projectId), "QUERY_TOO_DEEP");
    }

    @Test
    void standardIntrospectionQueryOfGraphQlToolsWorksWhereIntrospectionIsOn() {
        var response = as("member").documentName("introspectionQuery").execute();
        response.errors().verify();
        response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        response.path("__schema.types[*].name").entityList(String.class).contains("Portfolio", "ProgramConnection");
    }

    @Test
    void introspectionQueriesOfGraphQlJavaWorkWhereIntrospectionIsOn() {
        // the text graphql-java clients send, as the library builds it: its default query, and
        // the same with every option on (descriptions, specifiedByURL, oneOf, isRepeatable, schema
        // description, deprecated input values) and the deepest type references it offers
        String defaults = graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY;
        String everything = graphql.introspection.IntrospectionQueryBuilder.build(
                graphql.introspection.IntrospectionQueryBuilder.Options.defaultOptions()
                        .descriptions(true).specifiedByUrl(true).isOneOf(true).directiveIsRepeatable(true)
                        .schemaDescription(true).inputValueDeprecation(true).typeRefFragmentDepth(10));
        for (String query : List.of(defaults, everything)) {
            var response = as("member").document(query).execute();
            response.errors().verify();
            response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
            response.path("__schema.types[*].name").entityList(String.class).contains("Project", "AuditTrailFilter");
        }
    }

    @Test
    void everyListOfObjectsIsPagedOrCapped() {
        List<String> uncapped = new ArrayList<>();
        for (GraphQLObjectType type : graphQlSource.schema().getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast)
                .filter(t -> !t.getName().startsWith("__")).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                boolean objectList = GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList
                        && !GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()));
                boolean edges = field.getName().equals("edges") && type.getName().endsWith("Connection");
                String coordinates = type.getName() + "." + field.getName();
                if (objectList && !edges && !ListSizeComplexity.CAPS.containsKey(coordinates)) {
                    uncapped.add(coordinates);
                }
            }
        }
        assertThat(uncapped).as("lists of objects without a cap in ListSizeComplexity.CAPS").isEmpty();
    }
}
