package dev.portfolioledger.query.resource;

import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * Typed ids to their text, and the resource's lists capped (see the query cost limit): trivial
 * fetchers of what the parent holds, as PlanFieldWiring wires a plan's.
 */
@Component
public class ResourceFieldWiring implements RuntimeWiringConfigurer {

    /** The most items each list of a resource shows (skills are capped at {@code Skill.MAX_SKILLS} by the commands). */
    public static final int MAX_LISTED = 200;

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Resource", type -> type.dataFetcher("id",
                        trivial(ResourceView.class, resource -> resource.id().toString())))
                .type("Leave", type -> type.dataFetcher("id",
                        trivial(ResourceLeave.class, leave -> leave.leaveId().toString())))
                .type("Resource", type -> type
                        .dataFetcher("capacityHistory", capped(ResourceView::capacityHistory))
                        .dataFetcher("rateHistory", capped(ResourceView::rateHistory))
                        .dataFetcher("leave", capped(ResourceView::leave))
                        .dataFetcher("allocations", capped(ResourceView::allocations)))
                .type("ResourceAllocation", type -> type.dataFetcher("id",
                        trivial(ResourceAllocationView.class, a -> a.allocationId().toString())))
                .type("TeamMember", type -> type.dataFetcher("allocationId",
                        trivial(ResourceAllocationView.class, a -> a.allocationId().toString())));
    }

    private static <T> TrivialDataFetcher<List<T>> capped(Function<ResourceView, List<T>> list) {
        return environment -> atMost(list.apply((ResourceView) environment.getSource()));
    }

    static <T> List<T> atMost(List<T> list) {
        return list.size() <= MAX_LISTED ? list : list.subList(0, MAX_LISTED);
    }

    private static <S> TrivialDataFetcher<String> trivial(Class<S> sourceType, Function<S, String> field) {
        return environment -> field.apply(sourceType.cast(environment.getSource()));
    }
}
