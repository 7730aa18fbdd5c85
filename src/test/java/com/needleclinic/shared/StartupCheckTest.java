package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCheckTest {

    private static final String DEV_KEY_FILE = Path.of("scripts/dev-keys/public.pem").toAbsolutePath().toString();

    private static List<String> problems(Map<String, String> config) {
        return StartupCheck.problems(name -> Optional.ofNullable(config.get(name)));
    }

    private static Map<String, String> good() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://db:5432/clinic");
        config.put("mp.jwt.verify.publickey.location", "https://idp.example/realms/clinic/protocol/openid-connect/certs");
        config.put("mp.jwt.verify.issuer", "https://idp.example/realms/clinic");
        config.put("clinic.webhooks.secret-key", "zb2p8ykq1Yc7Jz1wq5lq0gq3XQ8v2mC8w4rK7l0sP3E=");
        return config;
    }

    @Test
    void names_every_missing_variable() {
        assertThat(problems(Map.of())).hasSize(4)
                .anyMatch(p -> p.startsWith("set QUARKUS_DATASOURCE_JDBC_URL"))
                .anyMatch(p -> p.startsWith("set MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                .anyMatch(p -> p.startsWith("set MP_JWT_VERIFY_ISSUER"))
                .anyMatch(p -> p.startsWith("set CLINIC_WEBHOOKS_SECRET_KEY"));
    }

    @Test
    void blank_values_are_missing() {
        Map<String, String> config = good();
        config.replaceAll((name, value) -> " ");
        assertThat(problems(config)).hasSize(4);
    }

    @Test
    void accepts_a_real_configuration() {
        assertThat(problems(good())).isEmpty();
        Map<String, String> inline = good();
        inline.remove("mp.jwt.verify.publickey.location");
        inline.put("mp.jwt.verify.publickey", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        assertThat(problems(inline)).isEmpty();
    }

    @Test
    void retention_windows_below_their_minimum_or_not_durations_are_named() {
        Map<String, String> config = good();
        config.put(Retention.EVENTS, "12h");
        config.put(Retention.WEBHOOK_DELIVERIES, "a month");
        config.put(Retention.IDEMPOTENCY_KEYS, "23h");
        assertThat(problems(config)).hasSize(3)
                .anyMatch(p -> p.startsWith("CLINIC_RETENTION_EVENTS must be at least PT24H"))
                .anyMatch(p -> p.startsWith("CLINIC_RETENTION_WEBHOOK_DELIVERIES is not a duration"))
                .anyMatch(p -> p.startsWith("CLINIC_RETENTION_IDEMPOTENCY_KEYS must be at least PT24H"));
        config.put(Retention.EVENTS, "365d");
        config.put(Retention.WEBHOOK_DELIVERIES, "P30D");
        config.put(Retention.IDEMPOTENCY_KEYS, "24h");
        assertThat(problems(config)).isEmpty();
    }

    @Test
    void the_webhook_secret_key_must_be_32_bytes_and_not_the_dev_one() {
        Map<String, String> config = good();
        config.put("clinic.webhooks.secret-key", "c2hvcnQ=");
        assertThat(problems(config)).singleElement().asString().startsWith("CLINIC_WEBHOOKS_SECRET_KEY must be 32");
        config.put("clinic.webhooks.secret-key", "not base64!");
        assertThat(problems(config)).singleElement().asString().startsWith("CLINIC_WEBHOOKS_SECRET_KEY must be 32");
        config.put("clinic.webhooks.secret-key", "zb2p8ykq1Yc7Jz1wq5lq0gq3XQ8v2mC8w4rK7l0sP3E=");
        config.put("%dev.clinic.webhooks.secret-key", "zb2p8ykq1Yc7Jz1wq5lq0gq3XQ8v2mC8w4rK7l0sP3E=");
        assertThat(problems(config)).singleElement().asString().contains("public dev-only key");
    }

    @Test
    void refuses_the_dev_issuer() {
        Map<String, String> config = good();
        config.put("mp.jwt.verify.issuer", StartupCheck.DEV_ISSUER);
        assertThat(problems(config)).singleElement().asString().startsWith("MP_JWT_VERIFY_ISSUER: the dev-only issuer");
    }

    @Test
    void refuses_the_dev_key_as_a_file_whatever_the_issuer() {
        Map<String, String> config = good();
        config.put("mp.jwt.verify.publickey.location", DEV_KEY_FILE);
        assertThat(problems(config)).singleElement().asString()
                .isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION: " + StartupCheck.DEV_KEY_REFUSED);
        config.put("mp.jwt.verify.publickey.location", "file:" + DEV_KEY_FILE);
        assertThat(problems(config)).hasSize(1);
    }

    @Test
    void refuses_the_dev_key_inline_or_inside_a_jwks(@TempDir Path dir) throws Exception {
        Map<String, String> inline = good();
        inline.remove("mp.jwt.verify.publickey.location");
        inline.put("mp.jwt.verify.publickey", Files.readString(Path.of(DEV_KEY_FILE)));
        assertThat(problems(inline)).singleElement().asString().startsWith("MP_JWT_VERIFY_PUBLICKEY: ");

        String n = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(StartupCheck.devKey().getModulus().toByteArray());
        Path jwks = Files.writeString(dir.resolve("jwks.json"),
                "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"other\",\"n\":\"sXch\",\"e\":\"AQAB\"},"
                        + "{\"kty\":\"RSA\",\"kid\":\"k\",\"n\": \"" + n + "\",\"e\":\"AQAB\"}]}");
        Map<String, String> file = good();
        file.put("mp.jwt.verify.publickey.location", jwks.toString());
        assertThat(problems(file)).singleElement().asString().contains(StartupCheck.DEV_KEY_REFUSED);
    }

    @Test
    void a_key_file_that_cannot_be_read_is_named() {
        Map<String, String> config = good();
        config.put("mp.jwt.verify.publickey.location", "/nowhere/key.pem");
        assertThat(problems(config)).singleElement().asString()
                .isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION names a file that cannot be read: /nowhere/key.pem");
    }

    @Test
    void the_packaged_copy_of_the_dev_key_is_the_dev_key() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(StartupCheck.DEV_KEY_RESOURCE)) {
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(Path.of(DEV_KEY_FILE)));
        }
    }

    @Test
    void tells_a_token_the_dev_key_signed_from_one_another_key_signed() throws Exception {
        assertThat(CachingJwtParser.signedWithDevKey(Tokens.admin())).isTrue();
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        String foreign = Jwt.issuer("https://idp.example").subject("x").groups("admin").sign(other.generateKeyPair().getPrivate());
        assertThat(CachingJwtParser.signedWithDevKey(foreign)).isFalse();
        assertThat(CachingJwtParser.signedWithDevKey("not.a.token")).isFalse();
    }

    @Test
    void a_refused_start_keeps_its_message_in_the_log_while_other_failures_lose_theirs() {
        java.util.logging.LogRecord record = new java.util.logging.LogRecord(java.util.logging.Level.SEVERE, "Failed to start");
        record.setThrown(new RuntimeException("wrapped", new JwtConfigGuard.StartupRefused(List.of("set MP_JWT_VERIFY_ISSUER"))));
        new LogRedaction().isLoggable(record);

        assertThat(record.getThrown().getMessage()).doesNotContain("wrapped");
        assertThat(record.getThrown().getCause().getMessage()).contains("Refusing to start: set MP_JWT_VERIFY_ISSUER");
    }
}
