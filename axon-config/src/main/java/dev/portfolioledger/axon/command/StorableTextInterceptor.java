package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.Checks;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Defence in depth behind the command constructors: every string reachable in a command's
 * payload (record components, recursively, and the elements, keys and values of collections,
 * maps and arrays) and every string value of its metadata is screened with
 * {@link Checks#storable}, so that no command, including one written tomorrow that forgets its
 * checks, can put a NUL or an unpaired surrogate into an event. A violation is refused with
 * VALIDATION_FAILED naming the path of the field ({@code changes[0].deliverable.name},
 * {@code metadata.reason}).
 *
 * <p>The command path is performance-sensitive: the record accessors are looked up once per
 * class; values of JDK types that hold no free text (numbers, dates, UUIDs, currencies, enums)
 * are skipped without reflection.
 */
public class StorableTextInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /* Commands are shallow; anything deeper is a cycle or a mistake, and is refused rather than followed. */
    private static final int MAX_DEPTH = 16;

    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);

    /* null for a class that is not a record: its content is not followed. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            RecordComponent[] components = type.getRecordComponents();
            Component[] resolved = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                try {
                    accessor.setAccessible(true);
                    resolved[i] = new Component(components[i].getName(),
                            MethodHandles.lookup().unreflect(accessor).asType(READ));
                } catch (IllegalAccessException | RuntimeException inaccessible) {
                    throw new IllegalStateException("cannot read record component " + components[i], inaccessible);
                }
            }
            return resolved;
        }
    };

    private record Component(String name, MethodHandle accessor) {
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            screen(command.getPayload(), "", 0);
            for (Map.Entry<String, Object> entry : command.getMetaData().entrySet()) {
                if (entry.getValue() instanceof String value) {
                    Checks.storable(value, "metadata." + entry.getKey());
                }
            }
            return command;
        };
    }

    /** Screens one value of the payload; {@code path} names it as a client would (empty at the root). */
    static void screen(Object value, String path, int depth) {
        if (value == null || skipped(value)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw Checks.invalid((path.isEmpty() ? "the command" : path) + " is nested too deeply");
        }
        if (value instanceof String text) {
            Checks.storable(text, path.isEmpty() ? "value" : path);
            return;
        }
        if (value instanceof Character character) {
            Checks.storable(String.valueOf(character.charValue()), path.isEmpty() ? "value" : path);
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                screen(element, path + "[" + i++ + "]", depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                screen(entry.getKey(), path + "{key}", depth + 1);
                screen(entry.getValue(), path + "[" + entry.getKey() + "]", depth + 1);
            }
            return;
        }
        if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                screen(array[i], path + "[" + i + "]", depth + 1);
            }
            return;
        }
        Component[] components = COMPONENTS.get(value.getClass());
        if (components == null) {
            return;
        }
        for (Component component : components) {
            Object componentValue;
            try {
                componentValue = (Object) component.accessor().invokeExact(value);
            } catch (Throwable unreadable) {
                throw new IllegalStateException("cannot read " + component.name() + " of "
                        + value.getClass().getSimpleName(), unreadable);
            }
            screen(componentValue, path.isEmpty() ? component.name() : path + "." + component.name(), depth + 1);
        }
    }

    private static boolean skipped(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof TemporalAccessor || value instanceof UUID || value instanceof Currency;
    }
}
