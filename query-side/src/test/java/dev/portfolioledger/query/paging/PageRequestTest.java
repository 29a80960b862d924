package dev.portfolioledger.query.paging;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 100})
    void acceptsFirstFromOneToHundred(int first) {
        PageRequest<Long> page = PageRequest.of(first, 20, null, Long::valueOf);

        assertThat(page.first()).isEqualTo(first);
        assertThat(page.fetchSize()).isEqualTo(first + 1);
        assertThat(page.after()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, Integer.MAX_VALUE})
    void refusesFirstOutsideOneToHundred(int first) {
        assertThatThrownBy(() -> PageRequest.of(first, 20, null, Long::valueOf))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void explicitNullFirstMeansTheDefault() {
        assertThat(PageRequest.of(null, 50, null, Long::valueOf).first()).isEqualTo(50);
    }

    @Test
    void readsTheAfterCursor() {
        NameKey key = new NameKey("crm", UUID.randomUUID());

        PageRequest<NameKey> page = PageRequest.of(10, 20, key.toCursor("projects"),
                                                   c -> NameKey.fromCursor("projects", c));

        assertThat(page.after()).isEqualTo(key);
    }

    @Test
    void refusesAMalformedAfterCursor() {
        assertThatThrownBy(() -> PageRequest.of(10, 20, "garbage", c -> NameKey.fromCursor("projects", c)))
                .isInstanceOf(RuleViolation.class);
    }
}
