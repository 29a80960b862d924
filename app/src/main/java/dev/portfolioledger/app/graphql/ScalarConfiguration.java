package dev.portfolioledger.app.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.scalars.ExtendedScalars;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Scalars of the schema (the limits every query must stay within: {@link QueryLimits}). */
@Configuration(proxyBeanMethods = false)
public class ScalarConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        GraphQLScalarType dateTime = instantAwareDateTime();
        return wiring -> wiring
                .scalar(dateTime)
                .scalar(strictDate())
                .scalar(boundedBigDecimal())
                .scalar(ExtendedScalars.Json);
    }

    /**
     * A scalar wired at run time keeps the description of the Java scalar it was built from ("An
     * arbitrary precision signed decimal"), which is what introspection and the published SDL
     * would show; the schema files describe our scalars (wire form, ranges), so their text wins.
     */
    @Bean
    GraphQlSourceBuilderCustomizer scalarDescriptionsFromTheSchemaFiles() {
        return builder -> builder.typeVisitorsToTransformSchema(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                                                           TraverserContext<GraphQLSchemaElement> context) {
                ScalarTypeDefinition definition = scalar.getDefinition();
                if (definition == null || definition.getDescription() == null
                        || definition.getDescription().getContent().equals(scalar.getDescription())) {
                    return TraversalControl.CONTINUE;
                }
                String described = definition.getDescription().getContent();
                return changeNode(context, scalar.transform(type -> type.description(described)));
            }
        }));
    }

    /**
     * The extended DateTime scalar speaks {@link OffsetDateTime}; views record {@link Instant}s
     * (Axon's event timestamps), which are served in UTC. Input is strict RFC 3339.
     */
    private static GraphQLScalarType instantAwareDateTime() {
        return withOwnInput(ExtendedScalars.DateTime,
                value -> value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value,
                input -> parseDateTime(text(input, DATE_TIME_FORM, CoercingParseValueException::new),
                                       CoercingParseValueException::new),
                literal -> parseDateTime(literalText(literal, DATE_TIME_FORM), CoercingParseLiteralException::new));
    }

    /** A strict ISO date (four-digit year, real calendar day); the range of business dates is the commands'. */
    private static GraphQLScalarType strictDate() {
        return withOwnInput(ExtendedScalars.Date, value -> value,
                input -> parseDate(text(input, DATE_FORM, CoercingParseValueException::new),
                                   CoercingParseValueException::new),
                literal -> parseDate(literalText(literal, DATE_FORM), CoercingParseLiteralException::new));
    }

    /**
     * BigDecimal written as a JSON string with every digit and the scale it was stored with
     * ("98765432109876543.20"): a JSON number of that size reaches a JavaScript client as
     * 98765432109876540. Input is a string or a number, bounded: a text or number too long, with
     * too many digits or an absurd exponent (1e1000000) is refused before anything computes with it.
     */
    private static GraphQLScalarType boundedBigDecimal() {
        return withOwnInput(ExtendedScalars.GraphQLBigDecimal, ScalarConfiguration::decimalText,
                input -> decimal(input, CoercingParseValueException::new),
                literal -> {
                    Object value;
                    if (literal instanceof StringValue text) {
                        value = text.getValue();
                    } else if (literal instanceof IntValue integer) {
                        value = integer.getValue();
                    } else if (literal instanceof FloatValue decimal) {
                        value = decimal.getValue();
                    } else {
                        throw new CoercingParseLiteralException(DECIMAL_RANGE);
                    }
                    return decimal(value, CoercingParseLiteralException::new);
                });
    }

    /**
     * An extended scalar whose output is the base's (after {@code output} adapts the value) and
     * whose input is parsed by our own functions, which refuse with client-facing messages.
     */
    private static GraphQLScalarType withOwnInput(GraphQLScalarType base, UnaryOperator<Object> output,
                                                  Function<Object, Object> parseValue,
                                                  Function<graphql.language.Value<?>, Object> parseLiteral) {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> coercing = (Coercing<Object, Object>) base.getCoercing();
        return GraphQLScalarType.newScalar(base).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale)
                    throws CoercingSerializeException {
                Object adapted = output.apply(value);
                // a text the output made is the wire form itself
                return adapted instanceof String text ? text : coercing.serialize(adapted, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale)
                    throws CoercingParseValueException {
                return parseValue.apply(input);
            }

            @Override
            public Object parseLiteral(graphql.language.Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) throws CoercingParseLiteralException {
                return parseLiteral.apply(input);
            }

            @Override
            public graphql.language.Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return coercing.valueToLiteral(input, context, locale);
            }
        }).build();
    }

    private static String text(Object input, String form, Function<String, RuntimeException> refusal) {
        if (!(input instanceof String text)) {
            throw refusal.apply(form);
        }
        return text;
    }

    private static String literalText(graphql.language.Value<?> literal, String form) {
        if (!(literal instanceof StringValue text)) {
            throw new CoercingParseLiteralException(form);
        }
        return text.getValue();
    }

    /*
     * The messages of the scalars below are written for clients: the extended scalars' own name
     * Java types (java.time.temporal.TemporalAccessor) and AST classes.
     */
    private static final String DATE_FORM = "Date must be a calendar date written yyyy-MM-dd, such as 2027-03-31";
    private static final String DATE_TIME_FORM = "DateTime must be an RFC 3339 date-time with seconds and an offset,"
            + " such as 2027-03-31T09:15:00Z";
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME_SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    /* Strict: 2027-02-30 is refused, not moved to the 28th (the extended Date scalar resolves SMART). */
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /* Beyond these a number is refused before anything computes with it; Checks.amount bounds money further. */
    private static final int DECIMAL_MAX_CHARACTERS = 100;
    private static final int DECIMAL_MAX_DIGITS = 100;
    private static final int DECIMAL_MAX_EXPONENT = 100;
    private static final String DECIMAL_RANGE = "BigDecimal must be a decimal number of at most "
            + DECIMAL_MAX_DIGITS + " digits with an exponent within \u00b1" + DECIMAL_MAX_EXPONENT + ", such as 1250.50";

    private static LocalDate parseDate(String text, Function<String, RuntimeException> refusal) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            throw refusal.apply(DATE_FORM);
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            // Safe to echo: the text is ten digits and dashes.
            throw refusal.apply(text + " is not a date in the calendar; " + DATE_FORM);
        }
    }

    private static OffsetDateTime parseDateTime(String text, Function<String, RuntimeException> refusal) {
        if (text.length() > 40 || !DATE_TIME_SHAPE.matcher(text).matches()) {
            throw refusal.apply(DATE_TIME_FORM);
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // Safe to echo: the text has the shape checked above.
            throw refusal.apply(text + " is not a date and time in the calendar; " + DATE_TIME_FORM);
        }
    }

    /** The wire form of a decimal: plain digits (no exponent), at the scale it carries. */
    private static Object decimalText(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        throw new CoercingSerializeException("BigDecimal cannot serialize a " + value.getClass().getSimpleName());
    }

    private static BigDecimal decimal(Object input, Function<String, RuntimeException> refusal) {
        BigDecimal value;
        if (input instanceof BigDecimal decimal) {
            value = decimal;
        } else if (input instanceof BigInteger integer) {
            if (integer.bitLength() > 400) {
                throw refusal.apply(DECIMAL_RANGE);
            }
            value = new BigDecimal(integer);
        } else if (input instanceof Integer || input instanceof Long || input instanceof Short
                || input instanceof Byte) {
            value = BigDecimal.valueOf(((Number) input).longValue());
        } else if (input instanceof Double || input instanceof Float) {
            double number = ((Number) input).doubleValue();
            // A JSON number too large for a double arrives here as infinity: 1e1000000 is no amount.
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw refusal.apply(DECIMAL_RANGE);
            }
            value = new BigDecimal(input.toString());
        } else if (input instanceof String text) {
            if (text.length() > DECIMAL_MAX_CHARACTERS) {
                throw refusal.apply(DECIMAL_RANGE);
            }
            try {
                value = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw refusal.apply(DECIMAL_RANGE);
            }
        } else {
            throw refusal.apply(DECIMAL_RANGE);
        }
        if (value.precision() > DECIMAL_MAX_DIGITS || Math.abs(value.scale()) > DECIMAL_MAX_EXPONENT) {
            throw refusal.apply(DECIMAL_RANGE);
        }
        return value;
    }
}
