package com.needleclinic.shared;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which tokens the parser serves without verifying again, and for how long. */
class CachingJwtParserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> verified = new ArrayList<>();
    private final Map<String, Long> expiries = new java.util.HashMap<>();
    private final CachingJwtParser parser = new CachingJwtParser(delegate(), clock);

    @Test
    void a_token_verified_once_is_served_again_without_verifying() throws Exception {
        expiries.put("a", NOW.plusSeconds(3600).getEpochSecond());
        JsonWebToken first = parser.parse("a");
        assertThat(parser.parse("a")).isSameAs(first);
        assertThat(verified).containsExactly("a");
    }

    @Test
    void a_token_is_verified_again_after_sixty_seconds() throws Exception {
        expiries.put("a", NOW.plusSeconds(3600).getEpochSecond());
        parser.parse("a");
        clock.advance(CachingJwtParser.REVERIFY_AFTER.minusMillis(1));
        parser.parse("a");
        clock.advance(Duration.ofMillis(1));
        parser.parse("a");
        assertThat(verified).containsExactly("a", "a");
    }

    @Test
    void an_expired_token_goes_back_to_full_verification_which_refuses_it() throws Exception {
        expiries.put("a", NOW.plusSeconds(10).getEpochSecond());
        parser.parse("a");
        clock.advance(Duration.ofSeconds(10));
        expiries.put("a", -1L);   // the delegate now judges it expired
        assertThatThrownBy(() -> parser.parse("a")).isInstanceOf(ParseException.class);
        assertThat(verified).containsExactly("a", "a");
    }

    @Test
    void a_token_that_fails_verification_is_not_remembered() {
        expiries.put("bad", -1L);
        assertThatThrownBy(() -> parser.parse("bad")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse("bad")).isInstanceOf(ParseException.class);
        assertThat(verified).containsExactly("bad", "bad");
        assertThat(parser.size()).isZero();
    }

    @Test
    void memory_stays_bounded_however_many_tokens_arrive() throws Exception {
        for (int i = 0; i < CachingJwtParser.MAX_ENTRIES + 5; i++) {
            expiries.put("t" + i, NOW.plusSeconds(3600).getEpochSecond());
            parser.parse("t" + i);
        }
        assertThat(parser.size()).isLessThanOrEqualTo(CachingJwtParser.MAX_ENTRIES);
    }

    /** Accepts a token with a known expiry; refuses an unknown one or -1, as it would a forged or expired one. */
    private JWTParser delegate() {
        return (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JWTParser.class},
                (proxy, method, args) -> {
                    String token = (String) args[0];
                    verified.add(token);
                    Long exp = expiries.get(token);
                    if (exp == null || exp < 0) {
                        throw new ParseException("refused");
                    }
                    return token(token, exp);
                });
    }

    private static JsonWebToken token(String name, long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) ? (T) Long.valueOf(exp) : null;
            }
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
