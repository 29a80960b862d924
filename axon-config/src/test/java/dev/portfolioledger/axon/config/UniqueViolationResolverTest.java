package dev.portfolioledger.axon.config;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void recognisesUniqueViolationReportedAsNextExceptionOfABatch() {
        // what the PostgreSQL driver throws for a batched event insert that hit the unique key
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 ... was aborted", "23505", 0,
                new int[0], null);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", batch))).isTrue();

        BatchUpdateException stateless = new BatchUpdateException("Batch entry 0 ... was aborted", null, 0,
                new int[0], null);
        stateless.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(stateless)).isTrue();
    }

    @Test
    void otherIntegrityViolationsAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("violates foreign key", "23503"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
