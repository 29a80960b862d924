package dev.portfolioledger.axon.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs work as a named part of the system (a process reacting to events), so that the commands it
 * sends are recorded with an actor such as {@code system:resource-release}: the audit interceptor
 * stamps the authenticated principal, and here that is the process, never a user. The principal
 * has no roles, so it can pass no {@code @PreAuthorize} rule.
 */
public final class SystemActor {

    public static final String PREFIX = "system:";

    private SystemActor() {
    }

    public static <T> T call(String process, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PREFIX + process, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
