package com.needleclinic.shared;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JwtConfigGuardTest {

    @Test
    void refuses_to_start_without_a_key_and_an_issuer() {
        assertThat(JwtConfigGuard.problems(Optional.empty(), Optional.empty(), Optional.empty()))
                .hasSize(2)
                .anyMatch(p -> p.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                .anyMatch(p -> p.contains("MP_JWT_VERIFY_ISSUER"));
    }

    @Test
    void refuses_blank_values() {
        assertThat(JwtConfigGuard.problems(Optional.of(" "), Optional.of(""), Optional.of(" "))).hasSize(2);
    }

    @Test
    void refuses_the_dev_issuer() {
        assertThat(JwtConfigGuard.problems(Optional.empty(), Optional.of("/keys/public.pem"),
                Optional.of(JwtConfigGuard.DEV_ISSUER))).singleElement().asString().contains("dev-only");
    }

    @Test
    void accepts_an_explicit_key_location_or_inline_key_with_an_issuer() {
        assertThat(JwtConfigGuard.problems(Optional.empty(), Optional.of("https://idp.example/jwks"),
                Optional.of("https://idp.example"))).isEmpty();
        assertThat(JwtConfigGuard.problems(Optional.of("MIIB..."), Optional.empty(),
                Optional.of("https://idp.example"))).isEmpty();
    }
}
