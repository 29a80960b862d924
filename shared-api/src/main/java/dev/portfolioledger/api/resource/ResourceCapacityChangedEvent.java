package dev.portfolioledger.api.resource;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** From the date on, the resource works this percent of full time (until a later change). */
@Revision("1")
public record ResourceCapacityChangedEvent(
        ResourceId resourceId,
        int capacityPercent,
        LocalDate effectiveFrom) implements ResourceEvent {
}
