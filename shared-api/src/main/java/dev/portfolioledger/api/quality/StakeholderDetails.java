package dev.portfolioledger.api.quality;

import dev.portfolioledger.api.Checks;

/**
 * Who a stakeholder is and how the project engages them. Events carry it as it was decided (no
 * checks: an event from last year must load under today's rules); commands build it with
 * {@link #checked}.
 *
 * @param organisationRole      the stakeholder's role in the organisation (e.g. "Head of Finance"); null if none given
 * @param interest              1 (barely concerned) to 5 (very concerned with the outcome)
 * @param influence             1 (none) to 5 (can stop the project)
 * @param mayAcceptDeliverables whether they may accept the project's deliverables
 * @param username              the user name they sign in with, so that the service recognises them as the actor of an
 *                              acceptance; null if they have none (then they cannot accept)
 */
public record StakeholderDetails(
        String name,
        String organisationRole,
        int interest,
        int influence,
        CommunicationChannel preferredChannel,
        boolean mayAcceptDeliverables,
        String username) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    /** The details as a command may carry them: shape checked, VALIDATION_FAILED otherwise. */
    public static StakeholderDetails checked(String name, String organisationRole, int interest, int influence,
                                             CommunicationChannel preferredChannel, boolean mayAcceptDeliverables,
                                             String username) {
        rating(interest, "interest");
        rating(influence, "influence");
        String checkedUsername = username == null || username.isBlank() ? null : Checks.person(username, "username");
        if (mayAcceptDeliverables && checkedUsername == null) {
            throw Checks.invalid("username is required for a stakeholder who may accept deliverables: "
                    + "acceptance is recognised by the user who signs in");
        }
        return new StakeholderDetails(Checks.name(name, "name"), Checks.optionalName(organisationRole, "organisationRole"),
                interest, influence, Checks.required(preferredChannel, "preferredChannel"), mayAcceptDeliverables,
                checkedUsername);
    }

    private static void rating(int value, String field) {
        if (value < MIN_RATING || value > MAX_RATING) {
            throw Checks.invalid(field + " must be between " + MIN_RATING + " and " + MAX_RATING + ", was " + value);
        }
    }
}
