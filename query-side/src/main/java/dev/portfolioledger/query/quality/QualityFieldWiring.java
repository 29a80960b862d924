package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.quality.StakeholderDetails;
import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Fields that only read a value the parent holds (a stakeholder's details, a typed id as its
 * text), as trivial data fetchers: a project lists up to 200 stakeholders, and an annotated
 * controller method per field and item would cost argument resolution and an observation each.
 */
@Component
class QualityFieldWiring implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Stakeholder", type -> type
                        .dataFetcher("id", trivial(StakeholderView.class, s -> s.id().toString()))
                        .dataFetcher("name", details(StakeholderDetails::name))
                        .dataFetcher("organisationRole", details(StakeholderDetails::organisationRole))
                        .dataFetcher("interest", details(StakeholderDetails::interest))
                        .dataFetcher("influence", details(StakeholderDetails::influence))
                        .dataFetcher("preferredChannel", details(StakeholderDetails::preferredChannel))
                        .dataFetcher("mayAcceptDeliverables", details(StakeholderDetails::mayAcceptDeliverables))
                        .dataFetcher("username", details(StakeholderDetails::username))
                        .dataFetcher("engagement", trivial(StakeholderView.class, StakeholderView::engagement)))
                .type("DeliverableAcceptance", type -> type.dataFetcher("stakeholderId",
                        trivial(AcceptanceView.class,
                                a -> a.stakeholderId() == null ? null : a.stakeholderId().toString())));
    }

    private static TrivialDataFetcher<Object> details(Function<StakeholderDetails, Object> field) {
        return trivial(StakeholderView.class, stakeholder -> field.apply(stakeholder.details()));
    }

    private static <S> TrivialDataFetcher<Object> trivial(Class<S> sourceType, Function<S, Object> field) {
        return environment -> field.apply(sourceType.cast(environment.getSource()));
    }
}
