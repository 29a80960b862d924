package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import dev.portfolioledger.axon.integrity.IntegrityStatus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Refuses a command whose target aggregate's stream failed the latest audit-trail verification, with
 * {@link ErrorCode#INTEGRITY_VIOLATION}: an edited, deleted, inserted or reordered event must be dealt
 * with before anything is appended on top of it (a deleted last event would otherwise have its
 * sequence number reused by the next command). While every stream is intact, which is the normal case,
 * the check costs one volatile read; the target is resolved only when some stream is at fault.
 */
public class IntegrityGuardInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Supplier<IntegrityStatus> status;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    /** @param status the verification's verdicts; may supply null (no verification configured) */
    public IntegrityGuardInterceptor(Supplier<IntegrityStatus> status) {
        this.status = status;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            IntegrityStatus verdicts = status.get();
            if (verdicts == null || verdicts.allStreamsIntact()) {
                return command;
            }
            target(command).flatMap(verdicts::violation).ifPresent(reason -> {
                throw new RuleViolation(ErrorCode.INTEGRITY_VIOLATION, reason);
            });
            return command;
        };
    }

    private Optional<String> target(CommandMessage<?> command) {
        try {
            return Optional.ofNullable(targets.resolveTarget(command).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            // a command without @TargetAggregateIdentifier targets no existing stream
            return Optional.empty();
        }
    }
}
