package dev.portfolioledger.command;

import dev.portfolioledger.api.Checks;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Today on the server's clock, in UTC: the latest date on which something that already happened
 * (an expense incurred, progress reported, a milestone reached) can have happened. Mutations check
 * such dates here, where input enters; aggregates read no clock.
 */
@Component
public class Today {

    private final Clock clock;

    public Today() {
        this(Clock.systemUTC());
    }

    public Today(Clock clock) {
        this.clock = clock;
    }

    /** The date, refused with VALIDATION_FAILED when it is after today. */
    public LocalDate requireNotAfter(LocalDate date, String field) {
        LocalDate today = date();
        if (date != null && date.isAfter(today)) {
            throw Checks.invalid(field + " " + date + " is in the future; today is " + today + " (UTC)");
        }
        return date;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
