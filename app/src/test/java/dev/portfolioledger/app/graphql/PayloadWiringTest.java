package dev.portfolioledger.app.graphql;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.PropertyDataFetcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every mutation payload's {@code project} is answered after the views caught up, by one wiring (PayloadProjectWiring). */
class PayloadWiringTest extends GraphQlIntegrationTest {

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyPayloadProjectFieldHasItsDataFetcher() {
        var schema = graphQlSource.schema();
        List<GraphQLObjectType> payloads = schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast)
                .filter(type -> type.getName().endsWith("Payload") && type.getFieldDefinition("project") != null)
                .toList();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(20);
        for (GraphQLObjectType payload : payloads) {
            var fetcher = schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(payload, "project"),
                                                                  payload.getFieldDefinition("project"));
            assertThat(fetcher).as(payload.getName() + ".project").isNotInstanceOf(PropertyDataFetcher.class);
        }
    }
}
