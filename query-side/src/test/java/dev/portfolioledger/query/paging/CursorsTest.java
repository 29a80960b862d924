package dev.portfolioledger.query.paging;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {

    @Test
    void canRoundTripKeys() {
        String cursor = Cursors.encode("projects", "crm rollout", "x");

        assertThat(Cursors.decode("projects", cursor, 2)).containsExactly("crm rollout", "x");
    }

    @Test
    void canRoundTripANameKeyWithAnyCharacters() {
        NameKey key = new NameKey("zürich – 東京 / \"q\" \n, ok", UUID.randomUUID());

        assertThat(NameKey.fromCursor("portfolios", key.toCursor("portfolios"))).isEqualTo(key);
    }

    @Test
    void refusesAForgedCursorCarryingWhatPostgresqlRefuses() {
        for (String key : List.of("crm\u0000", "\ud800 lone")) {
            String forged = Cursors.encode("projects", key, "x");

            assertThatThrownBy(() -> Cursors.decode("projects", forged, 2))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                    .hasMessageContaining("not a cursor");
        }
    }

    @Test
    void canRoundTripALongKey() {
        String cursor = Cursors.encode("auditTrail", Long.toString(9_000_000_000L));

        assertThat(Cursors.decodeLong("auditTrail", cursor)).isEqualTo(9_000_000_000L);
    }

    @Test
    void cursorsAreOpaqueAndUrlSafe() {
        String cursor = new NameKey("a+b/c", UUID.randomUUID()).toCursor("projects");

        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("a+b/c");
    }

    @Test
    void cannotUseACursorOfAnotherList() {
        String portfolioCursor = new NameKey("digital", UUID.randomUUID()).toCursor("portfolios");

        assertValidationFailed(() -> NameKey.fromCursor("projects", portfolioCursor));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not base64!", "AAAA", "%%%", "YWJj"})
    void cannotDecodeMalformedCursors(String cursor) {
        assertValidationFailed(() -> Cursors.decode("projects", cursor, 2));
    }

    @Test
    void cannotDecodeATruncatedCursor() {
        String cursor = Cursors.encode("projects", "name", UUID.randomUUID().toString());

        assertValidationFailed(() -> Cursors.decode("projects", cursor.substring(0, cursor.length() - 4), 2));
    }

    @Test
    void cannotDecodeACursorWithTrailingBytes() {
        byte[] valid = Base64.getUrlDecoder().decode(Cursors.encode("auditTrail", "42"));
        byte[] longer = Arrays.copyOf(valid, valid.length + 1);

        assertValidationFailed(() -> Cursors.decodeLong(
                "auditTrail", Base64.getUrlEncoder().withoutPadding().encodeToString(longer)));
    }

    @Test
    void cannotDecodeACursorWithTheWrongNumberOfKeys() {
        String cursor = Cursors.encode("projects", "only one");

        assertValidationFailed(() -> Cursors.decode("projects", cursor, 2));
    }

    @Test
    void cannotDecodeANameKeyWhoseIdIsNotAUuid() {
        String cursor = Cursors.encode("projects", "name", "not-a-uuid");

        assertValidationFailed(() -> NameKey.fromCursor("projects", cursor));
    }

    @Test
    void cannotDecodeALongKeyThatIsNotANumber() {
        String cursor = Cursors.encode("auditTrail", "forty-two");

        assertValidationFailed(() -> Cursors.decodeLong("auditTrail", cursor));
    }

    @Test
    void cannotDecodeAPlainBase64SortKey() {
        String guessed = Base64.getUrlEncoder().encodeToString("42".getBytes(StandardCharsets.UTF_8));

        assertValidationFailed(() -> Cursors.decodeLong("auditTrail", guessed));
    }

    @Test
    void malformedCursorMessageDoesNotEchoTheCursor() {
        assertThatThrownBy(() -> Cursors.decode("projects", "c2VjcmV0", 2))
                .hasMessageNotContaining("c2VjcmV0");
    }

    private static void assertValidationFailed(Runnable decoding) {
        assertThatThrownBy(decoding::run)
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void decodedKeysAreInEncodingOrder() {
        List<String> keys = Cursors.decode("x", Cursors.encode("x", "b", "a", "c"), 3);

        assertThat(keys).containsExactly("b", "a", "c");
    }
}
