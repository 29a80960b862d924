package dev.portfolioledger.api.project;

import dev.portfolioledger.api.Money;

import java.time.LocalDate;

/** A deliverable as planned: one scope item with its cost and dates (part of a baseline). */
public record DeliverablePlan(
        DeliverableId deliverableId,
        String name,
        String description,
        String acceptanceCriteria,
        Money plannedCost,
        LocalDate plannedStart,
        LocalDate plannedFinish) {
}
