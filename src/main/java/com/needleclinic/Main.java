package com.needleclinic;

import com.needleclinic.shared.StartupCheck;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's entry point. In the prod profile it checks the configuration first
 * ({@link StartupCheck}) and exits 1 with the settings to fix, before Quarkus migrates the
 * database or starts a background loop; then it runs Quarkus.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile",
                System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (List.of(profile.split(",")).contains("prod")) {
            SmallRyeConfig config = config(profile);
            List<String> problems = StartupCheck.problems(name -> config.getOptionalValue(name, String.class));
            if (!problems.isEmpty()) {
                System.err.println("ERROR [com.needleclinic.Main] Refusing to start; nothing was migrated or started:");
                problems.forEach(problem -> System.err.println("  - " + problem));
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    /**
     * The configuration as Quarkus will read it for these settings: system properties, the
     * environment, {@code config/application.properties} in the working directory and the
     * packaged {@code application.properties}, with profile-specific keys.
     */
    private static SmallRyeConfig config(String profile) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(profile)
                .addDefaultInterceptors().addDefaultSources();
        try {
            URL packaged = Main.class.getClassLoader().getResource("application.properties");
            if (packaged != null) {
                builder.withSources(new PropertiesConfigSource(packaged, 250));
            }
            Path local = Path.of("config", "application.properties");
            if (Files.isReadable(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}
