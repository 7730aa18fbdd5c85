package com.needleclinic;

import com.needleclinic.support.Instances;
import com.needleclinic.support.Instances.Exit;
import com.needleclinic.support.Instances.Instance;
import com.needleclinic.support.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service in the prod profile, started as an operator would: a start whose
 * configuration is wrong exits 1 naming the setting, before it migrates anything; the dev key is
 * refused whether it is configured as a file or served by a JWKS URL.
 */
class StartupIT {

    private static Instances instances;

    @BeforeAll
    static void database() throws Exception {
        instances = new Instances();
    }

    @AfterAll
    static void close() throws Exception {
        instances.close();
    }

    @Test
    void a_start_without_configuration_names_every_missing_variable() throws Exception {
        Exit exit = Instances.runToExit(Map.of(), Path.of("target", "it-startup-empty.log"));

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.log()).contains("QUARKUS_DATASOURCE_JDBC_URL", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "MP_JWT_VERIFY_ISSUER", "CLINIC_WEBHOOKS_SECRET_KEY", "nothing was migrated");
    }

    @Test
    void the_dev_key_file_is_refused_before_the_schema_is_touched() throws Exception {
        String url = instances.freshDatabase("clinic_startup_devkey");
        Exit exit = Instances.runToExit(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("scripts/dev-keys/public.pem").toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", "https://anything.example"), Path.of("target", "it-startup-devkey.log"));

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.log()).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION: the public dev-only key")
                .doesNotContain("QUARKUS_DATASOURCE_JDBC_URL", "Flyway");
        assertThat(tables(url)).isZero();
    }

    @Test
    void the_dev_issuer_and_an_unreadable_key_are_named() throws Exception {
        String url = instances.freshDatabase("clinic_startup_issuer");
        Exit exit = Instances.runToExit(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/nowhere/key.pem",
                "MP_JWT_VERIFY_ISSUER", "https://dev.needleclinic.invalid"), Path.of("target", "it-startup-issuer.log"));

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.log()).contains("MP_JWT_VERIFY_ISSUER: the dev-only issuer",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION names a file that cannot be read: /nowhere/key.pem");
        assertThat(tables(url)).isZero();
    }

    @Test
    void a_token_signed_with_the_dev_key_is_refused_even_when_a_jwks_url_serves_that_key() throws Exception {
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = jwks(Path.of("scripts/dev-keys/public.pem")).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        try (Instance instance = instances.instance("startup-jwks")
                .with("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks")
                .with("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .start()) {
            String devToken = Tokens.builder("admin", "mallory").issuer(Instances.ISSUER).sign(Tokens.key());
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(instance.url() + "/api/v1/locations"))
                    .header("Authorization", "Bearer " + devToken).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("dev-only key");
            assertThat(Files.readAllLines(Path.of("target", "it-startup-jwks.log")))
                    .as("QUARKUS_LOG_CONSOLE_JSON_ENABLED=true writes JSON lines")
                    .anyMatch(line -> line.startsWith("{") && line.contains("\"loggerName\":\"io.quarkus\""));
        } finally {
            jwks.stop(0);
        }
    }

    private static int tables(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rows = connection.createStatement().executeQuery(
                     "select count(*) from pg_tables where schemaname = 'public'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String jwks(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"dev\",\"n\":\""
                + url.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
