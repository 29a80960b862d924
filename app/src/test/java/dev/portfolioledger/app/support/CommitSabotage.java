package dev.portfolioledger.app.support;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Loses a command's database connection at commit (or just delays the commit), for real: the command's PostgreSQL backend is
 * terminated with {@code pg_terminate_backend} once the events are written, so the driver,
 * Spring and Axon raise exactly what they raise when a connection drops in production. Armed
 * for one matching command at a time; harmless to every other test in the shared context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CommitSabotage {

    /** When the connection goes. */
    public enum Moment {
        /** Before COMMIT was sent: nothing is stored, but the client cannot know that. */
        BEFORE_COMMIT,
        /** After the transaction committed, before its acknowledgement reached the app. */
        AFTER_COMMIT,
        /**
         * Not lost, only slow: the events are written and the commit waits a second, so that
         * every concurrent command on the same id runs into this one's uncommitted rows.
         */
        HOLD_BEFORE_COMMIT
    }

    static final long HOLD_MILLIS = 1000;

    private record Armed(Moment moment, Predicate<Object> payload) {
    }

    private static final AtomicReference<Armed> ARMED = new AtomicReference<>();

    /** Sabotages the next command whose payload matches. */
    public static void arm(Moment moment, Predicate<Object> payload) {
        ARMED.set(new Armed(moment, payload));
    }

    public static void disarm() {
        ARMED.set(null);
    }

    @Bean
    ConfigurerModule commitSabotageModule(DataSource dataSource) {
        MessageHandlerInterceptor<CommandMessage<?>> interceptor = new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                Armed armed = ARMED.get();
                Object result = chain.proceed();
                if (armed != null && armed.payload().test(unitOfWork.getMessage().getPayload())
                        && ARMED.compareAndSet(armed, null)) {
                    // registered after the handler published its events, so it runs after they
                    // were appended in this same prepare-commit phase
                    unitOfWork.onPrepareCommit(u -> sabotage(dataSource, armed.moment()));
                }
                return result;
            }
        };
        return configurer -> configurer.onInitialize(config -> config.onStart(
                () -> config.commandBus().registerHandlerInterceptor(interceptor)));
    }

    private static void sabotage(DataSource dataSource, Moment moment) {
        if (moment == Moment.HOLD_BEFORE_COMMIT) {
            try {
                Thread.sleep(HOLD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        Connection command = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = command.createStatement()) {
            int pid;
            try (ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            if (moment == Moment.AFTER_COMMIT) {
                statement.execute("COMMIT");
                // the driver opens a new transaction for the next statement, so the real commit
                // that follows is sent, and finds the connection gone
                statement.executeQuery("SELECT 1").close();
            }
            try (Connection other = dataSource.getConnection();
                 PreparedStatement terminate = other.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                terminate.setInt(1, pid);
                terminate.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not sabotage the commit", e);
        }
    }
}
