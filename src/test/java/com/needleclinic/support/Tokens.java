package com.needleclinic.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Tokens signed with the dev-only key, exactly as scripts/dev-token makes them. */
public final class Tokens {

    public static final String ISSUER = "https://dev.needleclinic.invalid";
    private static final PrivateKey KEY = load("scripts/dev-keys/private.pem");

    private Tokens() {
    }

    public static String admin() {
        return builder("admin", "test-admin").sign(KEY);
    }

    public static String frontDesk() {
        return builder("front-desk", "test-front-desk").sign(KEY);
    }

    public static String practitioner(UUID practitionerId) {
        return builder("practitioner", "test-practitioner-" + practitionerId)
                .claim("practitioner_id", practitionerId.toString()).sign(KEY);
    }

    public static String insurer(UUID insurerId) {
        return builder("insurer", "test-insurer-" + insurerId).claim("insurer_id", insurerId.toString()).sign(KEY);
    }

    public static String integration(String subject) {
        return builder("integration", subject).sign(KEY);
    }

    public static String withSubject(String role, String subject) {
        return builder(role, subject).sign(KEY);
    }

    public static JwtClaimsBuilder builder(String role, String subject) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(3600);
    }

    public static PrivateKey key() {
        return KEY;
    }

    static PrivateKey load(String path) {
        try {
            String pem = Files.readString(Path.of(path)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dev key " + path, e);
        }
    }
}
