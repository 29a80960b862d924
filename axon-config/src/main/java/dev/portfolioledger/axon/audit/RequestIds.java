package dev.portfolioledger.axon.audit;

import org.slf4j.MDC;

import java.util.UUID;

/**
 * The id of the HTTP request being served, kept in the logging context so that log lines and
 * the events a request causes share it. Outside a request a fresh id is made per call.
 */
public final class RequestIds {

    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
