package dev.portfolioledger.app.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages graphql-java writes about a value it could not coerce name JSON types, not Java classes. */
class ErrorCodeInterceptorTest {

    @Test
    void javaTypeOfACoercedValueBecomesItsJsonType() {
        assertThat(ErrorCodeInterceptor.withoutJavaTypes(
                "Variable 'input' has an invalid value: Expected a String input, but it was a 'LinkedHashMap'"))
                .isEqualTo("Variable 'input' has an invalid value: Expected a String input, but it was a 'object'");
        assertThat(ErrorCodeInterceptor.withoutJavaTypes(
                "Expected a value that can be converted to type 'Int' but it was a 'java.math.BigDecimal'"))
                .isEqualTo("Expected a value that can be converted to type 'Int' but it was a 'number'");
    }

    @Test
    void graphQlTypeNamesStay() {
        String message = "Variable 'name' of type 'String' used in position expecting type 'Int'";
        assertThat(ErrorCodeInterceptor.withoutJavaTypes(message)).isEqualTo(message);
    }

    @Test
    void qualifiedJavaClassNamesAreRemoved() {
        assertThat(ErrorCodeInterceptor.withoutJavaTypes("cannot turn java.time.temporal.TemporalAccessor into it"))
                .isEqualTo("cannot turn value into it");
    }

    @Test
    void aLongQuotedValueIsShortenedAndItsLengthSaid() {
        String digits = "1" + "0".repeat(1_000_000);
        assertThat(ErrorCodeInterceptor.shortenQuotedValues("Variable 'input' has an invalid value: Expected value to "
                + "be in the integer range, but it was a '" + digits + "'"))
                .isEqualTo("Variable 'input' has an invalid value: Expected value to be in the integer range, but it "
                           + "was a '10000000000000000000…' (1000001 characters)");
        String shortOne = "argument 'at' with value 'StringValue{value='2027-02-30'}' is not a valid 'Date'";
        assertThat(ErrorCodeInterceptor.shortenQuotedValues(shortOne)).isEqualTo(shortOne);
    }
}
