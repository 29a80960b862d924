package dev.portfolioledger.app.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for a while, that a password matched its stored hash. HTTP Basic sends the
 * password with every request and bcrypt is slow by design (tens of milliseconds of CPU), which
 * would cap a stateless API at a few dozen requests per second per core.
 *
 * <p>Only successful checks are remembered, keyed by a SHA-256 of the stored hash and the
 * offered password (never the password itself), so a changed password or hash misses the cache
 * and a wrong password always pays the full bcrypt price.
 */
class CachingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final Map<String, Long> verified;

    CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        long now = System.nanoTime();
        synchronized (verified) {
            Long verifiedAt = verified.get(key);
            if (verifiedAt != null && now - verifiedAt < ttlNanos) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(key, now);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String key(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
