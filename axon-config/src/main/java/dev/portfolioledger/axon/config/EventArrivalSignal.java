package dev.portfolioledger.axon.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * Tells pooled streaming processors the moment new events can be read.
 *
 * <p>Axon's pooled processor polls its stream every 500 ms unless the stream offers an
 * availability callback, which the embedded event store's streams do not; every view would then
 * lag its events by a quarter of a second on average, and every mutation (which waits for its
 * view) would take half a second. This watcher tails the event store on a stream of its own,
 * sharing the store's producer with the processors' streams, and runs the registered callbacks
 * whenever an event arrives: from this instance (the store wakes its producer on commit) or from
 * another instance (the producer's own polling finds it).
 */
class EventArrivalSignal implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventArrivalSignal.class);

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private volatile boolean running = true;
    private Thread watcher;

    EventArrivalSignal(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    synchronized void register(Runnable callback) {
        callbacks.add(callback);
        if (watcher == null && running) {
            watcher = new Thread(this::watch, "event-arrival-signal");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    void unregister(Runnable callback) {
        callbacks.remove(callback);
    }

    private void watch() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
                while (running) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (stream.hasNextAvailable()) {
                            stream.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Watching for new events failed; retrying in 1 s", e);
                    callbacks.forEach(Runnable::run);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void destroy() {
        running = false;
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
