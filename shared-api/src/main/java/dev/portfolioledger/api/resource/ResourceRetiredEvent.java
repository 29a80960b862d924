package dev.portfolioledger.api.resource;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The resource leaves the pool: no allocation on or after the date. */
@Revision("1")
public record ResourceRetiredEvent(
        ResourceId resourceId,
        LocalDate retiredFrom) implements ResourceEvent {
}
