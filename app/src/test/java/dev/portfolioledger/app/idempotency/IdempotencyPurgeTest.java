package dev.portfolioledger.app.idempotency;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyPurgeTest extends GraphQlIntegrationTest {

    @Autowired
    IdempotencyPurge purge;

    @Test
    void purgeDeletesExpiredRecordsWithTheirCommandsAndKeepsLiveOnes() {
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        insertRecord(expired, "now() - interval '1 hour'");
        insertRecord(live, "now() + interval '1 hour'");
        jdbc.update("INSERT INTO idempotency_command (principal, idempotency_key, step, aggregate_id, correlation_id)"
                            + " VALUES ('pm', ?, 0, 'a', 'c')", expired);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(count("idempotency_record", expired)).isZero();
        assertThat(count("idempotency_command", expired)).isZero();
        assertThat(count("idempotency_record", live)).isEqualTo(1);
    }

    private void insertRecord(String key, String expiresAt) {
        jdbc.update("INSERT INTO idempotency_record (principal, idempotency_key, request_hash, attempt, lease_until,"
                            + " response, created_at, expires_at) VALUES ('pm', ?, '\\x00', ?, now(), '{}', now(), "
                            + expiresAt + ")", key, UUID.randomUUID());
    }

    private long count(String table, String key) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE idempotency_key = ?", Long.class, key);
        return count == null ? 0 : count;
    }
}
