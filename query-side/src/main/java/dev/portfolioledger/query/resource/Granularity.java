package dev.portfolioledger.query.resource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How utilisation is bucketed: ISO weeks (Monday to Sunday) or calendar months. */
public enum Granularity {
    WEEK {
        @Override
        public LocalDate lastDayOfBucket(LocalDate day) {
            return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        }
    },
    MONTH {
        @Override
        public LocalDate lastDayOfBucket(LocalDate day) {
            return day.with(TemporalAdjusters.lastDayOfMonth());
        }
    };

    /** The last day of the week or month the day is in. */
    public abstract LocalDate lastDayOfBucket(LocalDate day);
}
