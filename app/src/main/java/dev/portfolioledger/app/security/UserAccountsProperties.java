package dev.portfolioledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users for HTTP Basic, from configuration. Passwords are stored hashed in Spring Security's
 * {@code {id}hash} form (e.g. {@code {bcrypt}$2a$10$...}); plain text is refused at startup.
 */
@ConfigurationProperties("portfolio.security")
public record UserAccountsProperties(List<Account> users) {

    public UserAccountsProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One user.
     *
     * @param username     login name; it becomes the {@code actor} of every event they cause
     * @param passwordHash hashed password with its {@code {id}} prefix
     * @param roles        roles without the ROLE_ prefix (PMO, PORTFOLIO_MANAGER, ...)
     */
    public record Account(String username, String passwordHash, List<String> roles) {

        public Account {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
