package com.needleclinic.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the packaged service ({@code target/quarkus-app}, prod profile) as separate processes
 * against one database, for tests of guarantees that claim to hold across instances. The database
 * is the one {@code QUARKUS_DATASOURCE_JDBC_URL} names (CI's), else an embedded PostgreSQL.
 */
public final class Instances implements AutoCloseable {

    public static final String ISSUER = "https://it.needleclinic.invalid";
    /**
     * The instances' own key pair, made for this run: production refuses the dev key
     * (StartupCheck), as it must refuse any key whose private half is public.
     */
    private static final KeyPair KEYS = keyPair();
    public static final Path PUBLIC_KEY = writePublicKey(Path.of("target", "it-keys", "public.pem"));

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    public Instances() throws IOException {
        String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            embedded = null;
            jdbcUrl = configured;
            user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
            password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        } else {
            embedded = EmbeddedPostgres.builder().start();
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** One running instance: its API base URL, and its process. */
    public final class Instance implements AutoCloseable {
        private final String name;
        private int port;
        private int managementPort;
        private Process process;
        private final Map<String, String> overrides = new HashMap<>();

        Instance(String name) {
            this.name = name;
        }

        /** A setting of this instance's environment other than the defaults below. */
        public Instance with(String variable, String value) {
            overrides.put(variable, value);
            return this;
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /**
         * Starts the instance on free ports, new ones at each start: after a kill, the old port may
         * already serve as another connection's local port.
         */
        public Instance start() throws IOException, InterruptedException {
            port = freePort();
            managementPort = freePort();
            Path log = Path.of("target", "it-" + name + ".log");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", user);
            env.put("QUARKUS_DATASOURCE_PASSWORD", password);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", PUBLIC_KEY.toAbsolutePath().toString());
            env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
            env.put("CLINIC_WEBHOOKS_SECRET_KEY", "q3c1Jc1n8yJ3cQ2m3w5mJ4m2X0x9nW8cV7b6n5m4k3A=");
            env.put("CLINIC_RATE_LIMIT_REQUESTS_PER_SECOND", "0");
            env.put("CLINIC_WEBHOOKS_ALLOW_INSECURE_TARGETS", "true");
            env.put("CLINIC_WEBHOOKS_RETRY_BASE", "PT0.2S");
            env.put("CLINIC_WEBHOOKS_RETRY_MAX", "PT1S");
            env.putAll(overrides);
            ProcessBuilder builder = service()
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(env);
            process = builder.start();
            awaitReady(log.toFile());
            return this;
        }

        private void awaitReady(File log) throws IOException, InterruptedException {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("instance " + name + " exited; see " + log);
                }
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("instance " + name + " not ready in 90 s; see " + log);
        }

        /** Killed without warning (SIGKILL): no shutdown hook runs, nothing is flushed. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    public Instance instance(String name) {
        return new Instance(name);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A token the instances accept (their issuer, their key). */
    public static String token(String role, String subject) {
        return Tokens.builder(role, subject).issuer(ISSUER).sign(KEYS.getPrivate());
    }

    /** The packaged service run in the prod profile with exactly this environment (plus PATH); it must exit within 60 s. */
    public static Exit runToExit(Map<String, String> environment, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = service().redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not exit; see " + log);
        }
        return new Exit(process.exitValue(), Files.readString(log));
    }

    public record Exit(int code, String log) {
    }

    /** The packaged service, run with this JVM's java and a small heap. */
    private static ProcessBuilder service() {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
    }

    /** A database of its own on the instances' server, for a test that must see it untouched. */
    public String freshDatabase(String name) throws java.sql.SQLException {
        try (java.sql.Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return jdbcUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(Path path) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return path;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
