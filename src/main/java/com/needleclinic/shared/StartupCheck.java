package com.needleclinic.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the prod profile needs before it touches the database or starts a background loop: a
 * database, a token verification key that is not the repository's public dev key, and an issuer
 * that is not the dev issuer. Each problem names the variable to set, never a value a secret could
 * be in. {@code Main} runs it before Quarkus starts (so nothing is migrated and no loop runs);
 * {@link JwtConfigGuard} runs it again at start-up as a backstop.
 */
public final class StartupCheck {

    static final String DEV_ISSUER = "https://dev.needleclinic.invalid";
    /** scripts/dev-keys/public.pem, packaged only so that production can recognise and refuse it. */
    static final String DEV_KEY_RESOURCE = "META-INF/clinic/refused-dev-key.pem";
    static final String DEV_KEY_REFUSED = "the public dev-only key (scripts/dev-keys) is not allowed in production";

    private static final Pattern JWK_MODULUS = Pattern.compile("\"n\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private static final RSAPublicKey DEV_KEY = loadDevKey();

    private StartupCheck() {
    }

    /** The problems of a prod configuration; {@code config} answers a property name with its value. */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        if (value(config, "quarkus.datasource.jdbc.url").isEmpty()) {
            problems.add("set QUARKUS_DATASOURCE_JDBC_URL to the PostgreSQL database (jdbc:postgresql://HOST:5432/DB)"
                    + " with QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
        }
        Optional<String> key = value(config, "mp.jwt.verify.publickey");
        Optional<String> location = value(config, "mp.jwt.verify.publickey.location");
        if (key.isEmpty() && location.isEmpty()) {
            problems.add("set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the identity provider's token verification key"
                    + " (a JWKS URL, or a PEM or JWKS file)");
        } else if (key.isPresent() && containsDevKey(key.get())) {
            problems.add("MP_JWT_VERIFY_PUBLICKEY: " + DEV_KEY_REFUSED);
        } else if (key.isEmpty()) {
            KeyMaterial material = localKeyMaterial(location.get());
            if (material instanceof KeyMaterial.Unreadable) {
                problems.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION names a file that cannot be read: " + location.get());
            } else if (material instanceof KeyMaterial.Read read && containsDevKey(read.text())) {
                problems.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION: " + DEV_KEY_REFUSED);
            }
        }
        Optional<String> issuer = value(config, "mp.jwt.verify.issuer");
        if (issuer.isEmpty()) {
            problems.add("set MP_JWT_VERIFY_ISSUER to the issuer (iss) of the identity provider's tokens");
        } else if (issuer.get().equals(DEV_ISSUER)) {
            problems.add("MP_JWT_VERIFY_ISSUER: the dev-only issuer " + DEV_ISSUER + " is not allowed in production");
        }
        problems.addAll(Retention.problems(config));
        webhookSecretKey(config).ifPresent(problems::add);
        return problems;
    }

    /** The key webhook secrets are sealed with at rest: 32 bytes, and not the public dev one. */
    private static Optional<String> webhookSecretKey(Function<String, Optional<String>> config) {
        Optional<String> key = value(config, WebhookSecretKey.PROPERTY);
        if (key.isEmpty()) {
            return Optional.of("set CLINIC_WEBHOOKS_SECRET_KEY to 32 random bytes in base64 (openssl rand -base64 32):"
                    + " webhook signing secrets are sealed with it");
        }
        if (key.equals(value(config, "%dev." + WebhookSecretKey.PROPERTY))) {
            return Optional.of("CLINIC_WEBHOOKS_SECRET_KEY: the public dev-only key is not allowed in production");
        }
        return WebhookSecretKey.decode(key.get()).isPresent() ? Optional.empty() : Optional.of(WebhookSecretKey.MALFORMED);
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String name) {
        return config.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** What a key location holds, as far as the start-up check can see. */
    private sealed interface KeyMaterial {
        /** A JWKS URL: its keys are checked per token ({@link CachingJwtParser#signedWithDevKey}). */
        record Remote() implements KeyMaterial {
        }

        record Unreadable() implements KeyMaterial {
        }

        record Read(String text) implements KeyMaterial {
        }
    }

    /** The key material of a location this host holds (a file, or a resource in the package). */
    private static KeyMaterial localKeyMaterial(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return new KeyMaterial.Remote();
        }
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = StartupCheck.class.getClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                    return in == null ? new KeyMaterial.Unreadable()
                            : new KeyMaterial.Read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return new KeyMaterial.Read(Files.readString(path));
        } catch (IOException | RuntimeException unreadable) {
            return new KeyMaterial.Unreadable();
        }
    }

    /** Whether PEM, base64 DER, a JWK or a JWKS contains the dev key (compared by its modulus). */
    static boolean containsDevKey(String material) {
        String text = material.trim();
        if (text.startsWith("{")) {
            Matcher modulus = JWK_MODULUS.matcher(text);
            while (modulus.find()) {
                if (new BigInteger(1, Base64.getUrlDecoder().decode(modulus.group(1))).equals(DEV_KEY.getModulus())) {
                    return true;
                }
            }
            return false;
        }
        try {
            return rsaKey(text).getModulus().equals(DEV_KEY.getModulus());
        } catch (GeneralSecurityException | IllegalArgumentException notAnRsaKey) {
            return false;
        }
    }

    /** The dev key, for refusing a token it signed whatever served the key (CachingJwtParser). */
    static RSAPublicKey devKey() {
        return DEV_KEY;
    }

    private static RSAPublicKey rsaKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static RSAPublicKey loadDevKey() {
        try (InputStream in = StartupCheck.class.getClassLoader().getResourceAsStream(DEV_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the package lacks " + DEV_KEY_RESOURCE);
            }
            return rsaKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + DEV_KEY_RESOURCE, e);
        }
    }
}
