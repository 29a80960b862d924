package dev.portfolioledger.axon.deadletter;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real PostgreSQL, because the point is PostgreSQL's behaviour: after an error the whole
 * transaction is aborted unless the failed statement ran inside a savepoint.
 */
class IsolatingHandlerEnhancerTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final AtomicInteger savepoints = new AtomicInteger();
    private final IsolatingHandlerEnhancer enhancer = new IsolatingHandlerEnhancer(() -> countingSavepoints());
    private final NameWriter writer = new NameWriter();
    private MessageHandlingMember<? super NameWriter> handler;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE written_name (id SERIAL PRIMARY KEY, name TEXT NOT NULL)");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        jdbc.execute("TRUNCATE written_name");
        handler = enhancer.wrapHandler(AnnotatedHandlerInspector.inspectType(NameWriter.class)
                .getHandlers(NameWriter.class).findFirst().orElseThrow());
    }

    @Test
    void isolatedInvocationThatTheDatabaseRefusesFailsAloneAndTheTransactionGoesOn() {
        List<ResultMessage<?>> results = inOneTransaction(true, "Before", "Bad\0Name", "After");

        assertThat(results.get(1).isExceptional()).isTrue();
        assertThat(results.get(1).exceptionResult()).isInstanceOf(DataAccessException.class);
        assertThat(results.get(0).isExceptional()).isFalse();
        assertThat(results.get(2).isExceptional()).isFalse();
        assertThat(names()).containsExactly("Before", "After");
        assertThat(savepoints).hasValue(3);
    }

    @Test
    void normalInvocationsTakeNoSavepoint() {
        inOneTransaction(false, "One", "Two");

        assertThat(names()).containsExactly("One", "Two");
        assertThat(savepoints).hasValue(0);
    }

    @Test
    void withoutIsolationOneRefusedValueAbortsTheWholeTransaction() {
        // why isolation exists: the dead-letter queue's insert after the failure would fail just so
        List<ResultMessage<?>> results = inOneTransaction(false, "Bad\0Name", "After");

        assertThat(results.get(1).isExceptional()).isTrue();
        assertThat(results.get(1).exceptionResult()).hasMessageContaining("current transaction is aborted");
    }

    /** Handles each name as one event inside one database transaction, then tries to commit. */
    private List<ResultMessage<?>> inOneTransaction(boolean isolated, String... names) {
        List<ResultMessage<?>> results = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                for (String name : names) {
                    EventMessage<?> event = GenericEventMessage.asEventMessage(name);
                    DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
                    if (isolated) {
                        unitOfWork.resources().put(FailureIsolation.ISOLATED, Boolean.TRUE);
                    }
                    results.add(unitOfWork.executeWithResult(() -> handler.handle(event, writer)));
                }
            });
        } catch (DataAccessException abortedAtCommit) {
            // the aborted transaction cannot commit; the results say why
        }
        return results;
    }

    private List<String> names() {
        return jdbc.queryForList("SELECT name FROM written_name ORDER BY id", String.class);
    }

    private TransactionOperations countingSavepoints() {
        TransactionTemplate nested = new TransactionTemplate(transaction.getTransactionManager());
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                savepoints.incrementAndGet();
                return nested.execute(action);
            }
        };
    }

    static class NameWriter {
        @EventHandler
        void on(String name) {
            jdbc.update("INSERT INTO written_name (name) VALUES (?)", name);
        }
    }
}
