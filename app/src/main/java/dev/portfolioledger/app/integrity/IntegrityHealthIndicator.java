package dev.portfolioledger.app.integrity;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Health of the audit trail, from the latest complete verification: DOWN when it found anything (the
 * record may have been rewritten, and commands against the aggregates concerned are refused), UP when
 * it found the trail intact, UNKNOWN before the first verification. DOWN, not DEGRADED as for parked
 * events: every instance shares the one database, and an instance serving a rewritten past should not
 * look healthy to anyone.
 */
@IntegrityEnabled
@Component("integrity")
public class IntegrityHealthIndicator extends AbstractHealthIndicator {

    private final AuditTrailVerifier verifier;
    private final IntegrityLog auditLog;

    public IntegrityHealthIndicator(AuditTrailVerifier verifier, IntegrityLog auditLog) {
        super("Audit trail health check failed");
        this.verifier = verifier;
        this.auditLog = auditLog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        AuditVerification last = verifier.lastComplete();
        builder.withDetail("leaves", auditLog.refresh());
        if (last == null) {
            builder.unknown().withDetail("verified", "not yet");
            return;
        }
        builder.withDetail("verifiedAt", last.finishedAt().toString())
                .withDetail("events", last.events())
                .withDetail("findings", last.findings().size());
        if (last.intact()) {
            builder.up();
            return;
        }
        List<Map<String, Object>> first = last.findings().stream().limit(10)
                .map(f -> Map.<String, Object>of("kind", f.kind().name(), "location", f.location(),
                        "message", f.message()))
                .toList();
        builder.down().withDetail("firstFindings", first);
    }
}
