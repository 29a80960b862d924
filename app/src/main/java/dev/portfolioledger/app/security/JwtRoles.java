package dev.portfolioledger.app.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a valid JWT into the signed-in user: the roles its configured claim names (directly or through
 * the group mapping) and the actor its configured claim holds. Unknown roles and groups are ignored, so
 * a user of the identity provider without a role of this product is signed in with none and refused
 * {@code FORBIDDEN} by every rule, like a Basic user without roles.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtSignInProperties properties;
    private final Set<String> knownRoles;

    JwtRoles(JwtSignInProperties properties, Set<String> knownRoles) {
        this.properties = properties;
        this.knownRoles = knownRoles;
        properties.roleMapping().forEach((group, roles) -> roles.forEach(role -> {
            if (!knownRoles.contains(role)) {
                throw new IllegalStateException("portfolio.security.jwt.role-mapping: " + group + " maps to unknown role "
                        + role + "; known roles are " + knownRoles);
            }
        }));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String actor = jwt.getClaimAsString(properties.actorClaim());
        if (actor == null || actor.isBlank()) {
            throw new InvalidBearerTokenException("The token has no " + properties.actorClaim() + " claim to sign in with");
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claim(jwt.getClaims(), properties.rolesClaim()))) {
            for (String role : properties.roleMapping().getOrDefault(value, List.of())) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
            if (knownRoles.contains(value)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + value));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, actor);
    }

    /** The claim at a dotted path, or null. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }
}
