package com.needleclinic.shared;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Production refuses to start without an explicitly configured token verification key and
 * issuer: a service holding health records must never run with a default or a dev key.
 */
public class JwtConfigGuard {

    static final String DEV_ISSUER = "https://dev.needleclinic.invalid";

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                 @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
                 @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = problems(key, keyLocation, issuer);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Optional<String> key, Optional<String> keyLocation, Optional<String> issuer) {
        List<String> problems = new ArrayList<>();
        if (key.filter(k -> !k.isBlank()).isEmpty() && keyLocation.filter(k -> !k.isBlank()).isEmpty()) {
            problems.add("set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the token verification key (PEM or JWKS)");
        }
        if (issuer.filter(i -> !i.isBlank()).isEmpty()) {
            problems.add("set MP_JWT_VERIFY_ISSUER to the expected token issuer");
        } else if (issuer.get().trim().equals(DEV_ISSUER)) {
            problems.add("the dev-only issuer " + DEV_ISSUER + " is not allowed in production");
        }
        return problems;
    }
}
