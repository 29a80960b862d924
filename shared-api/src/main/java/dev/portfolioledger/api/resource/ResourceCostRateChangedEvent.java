package dev.portfolioledger.api.resource;

import dev.portfolioledger.api.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * From the date on, an hour of the resource costs this (until a later change); earlier rates still
 * apply to their dates.
 */
@Revision("1")
public record ResourceCostRateChangedEvent(
        ResourceId resourceId,
        Money costRate,
        LocalDate effectiveFrom) implements ResourceEvent {
}
