package dev.portfolioledger.app.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits every GraphQL request must stay within (see README, GraphQL limits). */
@Configuration(proxyBeanMethods = false)
public class QueryLimitsConfiguration {

    @Bean
    QueryLimits queryLimits(@Value("${portfolio.graphql.max-depth:12}") int maxDepth,
                            @Value("${portfolio.graphql.max-introspection-depth:20}") int maxIntrospectionDepth,
                            @Value("${portfolio.graphql.max-complexity:50000}") long maxComplexity,
                            @Value("${portfolio.graphql.max-mutations:20}") int maxMutations,
                            @Value("${portfolio.graphql.introspection:false}") boolean introspection) {
        return new QueryLimits(maxDepth, maxIntrospectionDepth, maxComplexity, maxMutations, introspection);
    }
}
