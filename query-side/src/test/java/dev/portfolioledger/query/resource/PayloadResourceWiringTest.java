package dev.portfolioledger.query.resource;

import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which payload types get the read-your-writes {@code resource} field. */
class PayloadResourceWiringTest {

    @Test
    void wiresEveryPayloadWithAResourceFieldOfTypeResource() {
        var registry = new SchemaParser().parse("""
                type Query { x: Int }
                type Resource { id: ID! }
                type Project { id: ID! }
                type AllocateResourcePayload { resource: Resource!  correlationId: ID! }
                type RetireResourcePayload { resource: Resource }
                type ProposeProjectPayload { project: Project! }
                type ResourceSummary { resource: Resource! }
                type OddPayload { resource: String }
                type ListPayload { resource: [Resource!]! }
                """);

        assertThat(PayloadResourceWiring.payloadTypesOf(registry))
                .containsExactly("AllocateResourcePayload", "RetireResourcePayload");
    }
}
