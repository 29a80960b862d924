package dev.portfolioledger.app.security;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.axon.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTTP Basic against configured users, and, when an issuer or key set is configured, bearer JWTs of the
 * company's identity provider ({@link JwtRoles}). GraphQL needs an authenticated user (401 otherwise);
 * what each user may do is decided per query and mutation by {@code @PreAuthorize} rules
 * ({@link Roles}). The API is stateless: no session, so no CSRF token to protect.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final Set<String> KNOWN_ROLES = Arrays.stream(Roles.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .filter(f -> f.getName().equals(readConstant(f)))
            .map(SecurityConfiguration::readConstant)
            .collect(Collectors.toUnmodifiableSet());

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessDenialRecorder denials,
                                            ObjectProvider<JwtDecoder> jwtDecoder,
                                            JwtSignInProperties jwtSignIn) throws Exception {
        if (jwtDecoder.getIfAvailable() != null) {
            // Bearer JWTs of the configured issuer (spring.security.oauth2.resourceserver.jwt.*), beside Basic
            JwtRoles roles = new JwtRoles(jwtSignIn, KNOWN_ROLES);
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roles)));
        }
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // lag, dead letters and request rates tell an attacker what is busy or broken: operators only
                        .requestMatchers("/actuator/prometheus").hasRole(Roles.OPERATOR)
                        .requestMatchers("/graphiql", "/graphiql/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the key that checkpoints verify with is public by nature
                        .requestMatchers(HttpMethod.GET, "/audit/public-key").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("portfolio-ledger"))
                .exceptionHandling(handling -> handling.accessDeniedHandler(recordingDenials(denials)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * A role rule refusing an HTTP endpoint (the exports) answers 403 as before, and the refusal is put on
     * record like a refused GraphQL field (README, Refusals on record). GraphQL's own refusals never get
     * here: they are answered inside the GraphQL response.
     */
    private static AccessDeniedHandler recordingDenials(AccessDenialRecorder denials) {
        AccessDeniedHandler answer = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            @SuppressWarnings("unchecked")
            Map<String, String> variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
                    instanceof Map<?, ?> found ? (Map<String, String>) found : Map.of();
            if (pattern != null) {
                denials.refused(request.getMethod(), pattern.toString(), variables, ErrorCode.FORBIDDEN);
            }
            answer.handle(request, response, denied);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                                          Duration.ofMinutes(10), 10_000);
    }

    @Bean
    UserDetailsService userDetailsService(UserAccountsProperties properties) {
        List<UserDetails> users = properties.users().stream().map(SecurityConfiguration::toUser).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails toUser(UserAccountsProperties.Account account) {
        if (account.username() == null || account.username().isBlank()) {
            throw new IllegalStateException("portfolio.security.users: every user needs a username");
        }
        String hash = account.passwordHash();
        if (hash == null || !hash.startsWith("{") || hash.startsWith("{noop}")) {
            throw new IllegalStateException("portfolio.security.users: the password of " + account.username()
                    + " must be hashed, e.g. {bcrypt}$2a$10$...");
        }
        for (String role : account.roles()) {
            if (!KNOWN_ROLES.contains(role)) {
                throw new IllegalStateException("portfolio.security.users: " + account.username()
                        + " has unknown role " + role + "; known roles are " + KNOWN_ROLES);
            }
        }
        return User.withUsername(account.username())
                .password(hash)
                .roles(account.roles().toArray(String[]::new))
                .build();
    }

    private static String readConstant(java.lang.reflect.Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
