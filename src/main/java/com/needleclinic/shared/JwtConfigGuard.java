package com.needleclinic.shared;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/**
 * The backstop of {@link StartupCheck} inside Quarkus: production refuses to start without a
 * database, an explicitly configured verification key that is not the dev key, and an issuer
 * that is not the dev issuer. {@code Main} has already refused such a start before Quarkus ran;
 * this catches a start that did not go through it (e.g. a custom launcher), before any other
 * start-up observer.
 */
public class JwtConfigGuard {

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Config config) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = StartupCheck.problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new StartupRefused(problems);
        }
    }

    /**
     * A start refused for its configuration. Its message names settings only, never a value that
     * could be a secret or patient data, so the log redaction lets it through ({@link LogRedaction}).
     */
    public static final class StartupRefused extends RuntimeException {
        public StartupRefused(List<String> problems) {
            super("Refusing to start: " + String.join("; ", problems));
        }
    }
}
