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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        HOLD_BEFORE_COMMIT,
        /**
         * Not lost, only held: the events are written and the commit waits until {@link #release()}
         * (at most a minute), so a test decides when a racing command may see them committed.
         */
        HOLD_UNTIL_RELEASED
    }

    static final long HOLD_MILLIS = 1000;

    private record Armed(Moment moment, Predicate<Object> payload) {
    }

    private static final AtomicReference<Armed> ARMED = new AtomicReference<>();
    private static final AtomicReference<CountDownLatch> HELD = new AtomicReference<>(new CountDownLatch(0));

    /** Sabotages the next command whose payload matches. */
    public static void arm(Moment moment, Predicate<Object> payload) {
        if (moment == Moment.HOLD_UNTIL_RELEASED) {
            HELD.set(new CountDownLatch(1));
        }
        ARMED.set(new Armed(moment, payload));
    }

    /** Lets a command held {@link Moment#HOLD_UNTIL_RELEASED} commit. */
    public static void release() {
        HELD.get().countDown();
    }

    public static void disarm() {
        ARMED.set(null);
        release();
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
        if (moment == Moment.HOLD_BEFORE_COMMIT || moment == Moment.HOLD_UNTIL_RELEASED) {
            try {
                if (moment == Moment.HOLD_BEFORE_COMMIT) {
                    Thread.sleep(HOLD_MILLIS);
                } else {
                    HELD.get().await(1, TimeUnit.MINUTES);
                }
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
