package dev.portfolioledger.app.metrics;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store of the JDBC run modes is Axon's embedded one, so AuditedCommandGateway takes a command's
 * position as the exact index of its aggregate's newest event (its tokens keep gaps); the head of the stream
 * is for stores without gaps, such as Axon Server (RemoteCommandBusPathsTest). Every mutation test that
 * reads its own write then checks that position.
 */
class ReadYourWritesPositionTest extends GraphQlIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void theJdbcRunModesUseTheEmbeddedEventStore() {
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
    }
}
