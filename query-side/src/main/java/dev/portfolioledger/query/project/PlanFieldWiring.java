package dev.portfolioledger.query.project;

import dev.portfolioledger.api.Money;
import dev.portfolioledger.api.project.DeliverablePlan;
import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Fields that only convert a value the parent already holds (a typed id to its text, a currency
 * to its code). A project's plan lists hundreds of deliverables, and an annotated controller
 * method per item costs argument resolution and an observation each; as trivial data fetchers
 * they cost a method call, and the observation instrumentation leaves them out, as it does
 * plain properties.
 */
@Component
class PlanFieldWiring implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Deliverable", type -> type.dataFetcher("id",
                        trivial(DeliverablePlan.class, deliverable -> deliverable.deliverableId().toString())))
                .type("Milestone", type -> type.dataFetcher("id",
                        trivial(ProjectMilestone.class, milestone -> milestone.id().toString())))
                .type("Money", type -> type.dataFetcher("currency", PlanFieldWiring::currencyCode));
    }

    /**
     * The currency of any amount shown as {@code Money}: a planned {@link Money}, or the exact
     * amounts of earned value (another record with a {@code currency()}), read as a property.
     */
    private static String currencyCode(graphql.schema.DataFetchingEnvironment environment) throws Exception {
        if (environment.getSource() instanceof Money money) {
            return money.currency().getCurrencyCode();
        }
        Object currency = graphql.schema.PropertyDataFetcher.fetching("currency").get(environment);
        return currency instanceof java.util.Currency c ? c.getCurrencyCode() : null;
    }

    private static <S> TrivialDataFetcher<String> trivial(Class<S> sourceType, Function<S, String> field) {
        return environment -> field.apply(sourceType.cast(environment.getSource()));
    }
}
