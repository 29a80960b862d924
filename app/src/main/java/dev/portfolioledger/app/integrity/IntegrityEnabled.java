package dev.portfolioledger.app.integrity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every bean of the tamper-evident audit log: {@code portfolio.integrity.enabled=false} leaves all of it
 * out (no appender, so no {@code integrity} processor; no checkpoints, keys, verification, proofs, health
 * component or command guard). Only for measuring what the log costs (the benchmark's integrity phase)
 * and for troubleshooting. Events stored while it is off are appended when it is on again: the
 * {@code integrity} processor goes on from its token, as after any stop.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "portfolio.integrity", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface IntegrityEnabled {
}
