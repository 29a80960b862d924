package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No command can smuggle a NUL or an unpaired surrogate past dispatch, whatever its constructor checks. */
class StorableTextInterceptorTest {

    /* Commands of tomorrow that forget their checks. */
    record Inner(String label, List<String> tags) {
    }

    record CarelessCommand(UUID id, String title, BigDecimal amount, LocalDate due, List<Inner> items,
                           Map<String, Object> extras, String[] notes) {
    }

    private final StorableTextInterceptor interceptor = new StorableTextInterceptor();

    private CommandMessage<?> dispatch(Object payload, Map<String, ?> metadata) {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload).andMetaData(MetaData.from(metadata));
        return interceptor.handle(List.of(command)).apply(0, command);
    }

    private static CarelessCommand command(String title, List<Inner> items, Map<String, Object> extras,
                                           String... notes) {
        return new CarelessCommand(UUID.randomUUID(), title, BigDecimal.ONE, LocalDate.of(2027, 1, 4), items, extras,
                                   notes);
    }

    private void assertRefusedAt(Object payload, Map<String, ?> metadata, String path) {
        assertThatThrownBy(() -> dispatch(payload, metadata)).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(violation.getMessage()).startsWith(path + " ");
        });
    }

    @Test
    void commandWithOnlyStorableTextPasses() {
        var payload = command("Rocket \ud83d\ude80\tlaunch", List.of(new Inner("a\nb", List.of("x"))),
                              Map.of("k", "v"), "note");
        assertThat(dispatch(payload, Map.of("reason", "fine")).getPayload()).isSameAs(payload);
    }

    @Test
    void cannotDispatchANulInATopLevelString() {
        assertRefusedAt(command("a\u0000", List.of(), Map.of()), Map.of(), "title");
    }

    @Test
    void cannotDispatchAnUnpairedSurrogateInANestedRecordList() {
        assertRefusedAt(command("ok", List.of(new Inner("fine", List.of()), new Inner("ok", List.of("x", "\udc00"))), Map.of()),
                        Map.of(), "items[1].tags[1]");
    }

    @Test
    void cannotDispatchANulInAMapValueOrKey() {
        assertRefusedAt(command("ok", List.of(), Map.of("key", List.of("\u0000"))), Map.of(), "extras[key][0]");
        assertRefusedAt(command("ok", List.of(), Map.of("k\u0000", "v")), Map.of(), "extras{key}");
    }

    @Test
    void cannotDispatchAnUnpairedSurrogateInAnArray() {
        assertRefusedAt(command("ok", List.of(), Map.of(), "fine", "bad\ud800"), Map.of(), "notes[1]");
    }

    @Test
    void cannotDispatchANulInAMetadataValue() {
        assertRefusedAt(command("ok", List.of(), Map.of()), Map.of("reason", "why\u0000"), "metadata.reason");
    }

    @Test
    void cannotDispatchABareStringPayloadWithALoneSurrogate() {
        assertRefusedAt("\ud800", Map.of(), "value");
    }
}
