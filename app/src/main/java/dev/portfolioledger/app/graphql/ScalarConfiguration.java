package dev.portfolioledger.app.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Scalars of the schema (the limits every query must stay within: {@link QueryLimits}). */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        GraphQLScalarType dateTime = instantAwareDateTime();
        return wiring -> wiring
                .scalar(dateTime)
                .scalar(ExtendedScalars.Date)
                .scalar(ExtendedScalars.GraphQLBigDecimal)
                .scalar(ExtendedScalars.Json);
    }

    /**
     * The extended DateTime scalar speaks {@link OffsetDateTime}; views record {@link Instant}s
     * (Axon's event timestamps), which are served in UTC.
     */
    private static GraphQLScalarType instantAwareDateTime() {
        GraphQLScalarType base = ExtendedScalars.DateTime;
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> coercing = (Coercing<Object, Object>) base.getCoercing();
        return GraphQLScalarType.newScalar(base).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale)
                    throws CoercingSerializeException {
                Object adapted = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
                return coercing.serialize(adapted, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale)
                    throws CoercingParseValueException {
                return coercing.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(graphql.language.Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) throws CoercingParseLiteralException {
                return coercing.parseLiteral(input, variables, context, locale);
            }
        }).build();
    }
}
