package dev.portfolioledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * How a JWT of the company's identity provider becomes a user of this product (README, Production
 * sign-in). Which tokens are accepted (issuer, key set, audiences) is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}; this says what they mean here.
 *
 * @param rolesClaim  the claim holding the user's roles or groups, a JSON array or a space- or
 *                    comma-separated string; a dotted path reaches into objects ({@code realm_access.roles});
 *                    default {@code roles}
 * @param roleMapping group names of the identity provider to roles of this product
 *                    ({@code ledger-admins: [PMO]}); a claim value that is itself a role name
 *                    ({@code PMO}) counts as that role; any other value is ignored
 * @param actorClaim  the claim recorded as the {@code actor} of every event the user causes; default
 *                    {@code sub}; a token without it is refused
 */
@ConfigurationProperties("portfolio.security.jwt")
public record JwtSignInProperties(String rolesClaim, Map<String, List<String>> roleMapping, String actorClaim) {

    public JwtSignInProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        actorClaim = actorClaim == null || actorClaim.isBlank() ? "sub" : actorClaim;
    }
}
