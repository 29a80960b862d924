package dev.portfolioledger.query.finance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One deliverable's earned value at a date: PV and EV from its planned cost (AC is not
 * attributed to deliverables, so the figures that need it are null), with the report that counts.
 *
 * @param percentComplete of the report that counts for the date, 0 before the first
 * @param reportedOn      that report's status date, null before the first
 * @param expectedFinish  the latest forecast finish, null if none was forecast
 */
public record DeliverableFigures(UUID deliverableId, String name, EarnedValueFigures figures, int percentComplete,
                                 LocalDate reportedOn, LocalDate expectedFinish) {
}
