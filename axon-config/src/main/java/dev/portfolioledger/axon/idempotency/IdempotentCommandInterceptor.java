package dev.portfolioledger.axon.idempotency;

import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.Map;

/**
 * Records a keyed command in the {@link CommandLedger} inside the command's transaction (the
 * command bus attaches the transaction before any handler interceptor runs). The gateway names
 * the key, step and aggregate in the command's metadata; these keys are not copied to events.
 */
public class IdempotentCommandInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String PRINCIPAL = "idempotencyPrincipal";
    static final String KEY = "idempotencyKey";
    static final String STEP = "idempotencyStep";
    static final String AGGREGATE = "idempotencyAggregate";

    private final CommandLedger ledger;

    public IdempotentCommandInterceptor(CommandLedger ledger) {
        this.ledger = ledger;
    }

    /** The metadata that marks a command as step {@code step} of a keyed request. */
    public static Map<String, Object> metadata(IdempotencyScope scope, int step, Object aggregateId) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(PRINCIPAL, scope.principal());
        metadata.put(KEY, scope.key());
        metadata.put(STEP, step);
        metadata.put(AGGREGATE, aggregateId.toString());
        return metadata;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        Object key = metadata.get(KEY);
        if (key != null) {
            Object correlationId = metadata.getOrDefault(AuditMetadata.CORRELATION_ID,
                                                         unitOfWork.getMessage().getIdentifier());
            ledger.record(metadata.get(PRINCIPAL).toString(), key.toString(),
                          ((Number) metadata.get(STEP)).intValue(), metadata.get(AGGREGATE).toString(),
                          correlationId.toString());
        }
        return interceptorChain.proceed();
    }
}
