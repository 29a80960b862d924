package dev.portfolioledger.query.resource;

import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/** Typed ids to their text: trivial fetchers, as PlanFieldWiring wires a plan's ids. */
@Component
class ResourceFieldWiring implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Resource", type -> type.dataFetcher("id",
                        trivial(ResourceView.class, resource -> resource.id().toString())))
                .type("Leave", type -> type.dataFetcher("id",
                        trivial(ResourceLeave.class, leave -> leave.leaveId().toString())))
                .type("ResourceAllocation", type -> type.dataFetcher("id",
                        trivial(ResourceAllocationView.class, a -> a.allocationId().toString())))
                .type("TeamMember", type -> type.dataFetcher("allocationId",
                        trivial(ResourceAllocationView.class, a -> a.allocationId().toString())));
    }

    private static <S> TrivialDataFetcher<String> trivial(Class<S> sourceType, Function<S, String> field) {
        return environment -> field.apply(sourceType.cast(environment.getSource()));
    }
}
