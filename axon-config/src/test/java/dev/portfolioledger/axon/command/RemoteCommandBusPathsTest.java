package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.common.Registration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two paths that differ under Axon Server, tested by their parts (no Axon Server can run here):
 * where a command's events lie in the stream comes from the event store's API, and a refusal decided on
 * another node reaches the sender with its code and details after crossing the wire as a serialized
 * {@link CommandExecutionException} detail.
 */
class RemoteCommandBusPathsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aStoreWithoutGapsGivesTheHeadOfItsStreamAsTheCommandsPosition() {
        AuditedCommandGateway gateway = gateway(command -> null, new GlobalSequenceTrackingToken(41));

        CommandReceipt receipt = gateway.send("RenameSomething", "aggregate-1", "because");

        assertThat(receipt.globalIndex()).isEqualTo(41);
        assertThat(receipt.eventStream()).isEqualTo("aggregate-1");
    }

    @Test
    void aRefusalFromAnotherNodeArrivesWithItsCodeMessageAndDetails() throws Exception {
        RuleViolation decided = new RuleViolation(ErrorCode.CAPACITY_EXCEEDED, "Over capacity on 2 days",
                Map.of("days", List.of("2027-03-01", "2027-03-02"), "capacityPercent", 100));
        CommandExecutionException onTheHandlingNode = handleRemotely(decided);
        // Axon Server sends the details serialized, and the sending node builds a new exception from them
        JacksonSerializer wire = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> sent = wire.serialize(onTheHandlingNode.getDetails().orElseThrow(), byte[].class);
        Object received = wire.deserialize(sent);
        CommandExecutionException onTheSendingNode = new CommandExecutionException(onTheHandlingNode.getMessage(), null,
                received);
        AuditedCommandGateway gateway = gateway(command -> {
            throw onTheSendingNode;
        }, new GlobalSequenceTrackingToken(7));

        assertThatThrownBy(() -> gateway.send("ReserveSomeone", "resource-1", null))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.CAPACITY_EXCEEDED);
                    assertThat(refusal.getMessage()).isEqualTo("Over capacity on 2 days");
                    assertThat(refusal.details()).containsEntry("days", List.of("2027-03-01", "2027-03-02"))
                            .containsEntry("capacityPercent", 100);
                });
        assertThat(meters.get(AuditedCommandGateway.COMMANDS_METER).tag("outcome", "CAPACITY_EXCEEDED").timer().count())
                .isEqualTo(1);
    }

    @Test
    void detailsThatArriveAsAPlainMapAreReadToo() {
        CommandExecutionException arrived = new CommandExecutionException("Name taken", null,
                Map.of("code", "NAME_TAKEN", "message", "Another portfolio is already named \"X\"", "details", Map.of()));

        assertThat(RefusalTransport.refusalIn(arrived)).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.NAME_TAKEN);
            assertThat(refusal.getMessage()).isEqualTo("Another portfolio is already named \"X\"");
        });
        assertThat(RefusalTransport.refusalIn(new CommandExecutionException("boom", null, "not a refusal"))).isEmpty();
        assertThat(RefusalTransport.refusalIn(new IllegalStateException("boom"))).isEmpty();
    }

    @Test
    void failuresOtherThanRefusalsPassTheHandlingNodeUnchanged() {
        IllegalStateException broken = new IllegalStateException("disk full");
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("X"));
        try {
            assertThatThrownBy(() -> new RefusalTransport().handle(unitOfWork, () -> {
                throw broken;
            })).isSameAs(broken);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static CommandExecutionException handleRemotely(RuleViolation decided) throws Exception {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("ReserveSomeone"));
        try {
            new RefusalTransport().handle(unitOfWork, () -> {
                throw decided;
            });
            throw new AssertionError("the refusal was swallowed");
        } catch (CommandExecutionException carried) {
            return carried;
        } finally {
            unitOfWork.rollback();
        }
    }

    private AuditedCommandGateway gateway(java.util.function.Function<Object, Object> handling, GlobalSequenceTrackingToken head) {
        EventStore store = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[]{EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createHeadToken")) {
                        return head;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new AuditedCommandGateway(new FakeGateway((command, metaData) -> handling.apply(command)), null, null,
                meters, store);
    }

    /** A command gateway that hands the command to a function, as a bus to another node would. */
    private record FakeGateway(BiFunction<Object, Object, Object> handling) implements CommandGateway {

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            Object payload = command instanceof CommandMessage<?> message ? message.getPayload() : command;
            return (R) handling.apply(payload, null);
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
