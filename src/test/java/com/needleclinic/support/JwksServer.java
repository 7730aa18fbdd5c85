package com.needleclinic.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An identity provider's key endpoint for tests: serves a JSON Web Key Set at {@code /jwks} that a
 * test replaces with a {@code PUT} (as a provider rotating its keys would), so the service verifies
 * tokens against a served key set exactly as it does against Keycloak, Entra ID or Auth0. It
 * starts serving the dev public key under {@link #DEV_KID}. Tests reach it over HTTP only (the
 * resource lives in another class loader than the test).
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    /** The key id the dev key is served under; tokens for this server name it in their header. */
    public static final String DEV_KID = "dev-key";
    public static final String LOCATION = "mp.jwt.verify.publickey.location";

    private HttpServer server;
    private final AtomicReference<String> keySet = new AtomicReference<>();

    @Override
    public Map<String, String> start() {
        keySet.set(json(List.of(jwk(devPublicKey(), DEV_KID))));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the JWKS server", e);
        }
        server.createContext("/jwks", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                if ("PUT".equals(exchange.getRequestMethod())) {
                    keySet.set(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                byte[] answer = keySet.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return Map.of(LOCATION, "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Replaces the served key set, as the provider rotating its keys. */
    public static void serve(String location, List<JsonWebKey> keys) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(location)).PUT(HttpRequest.BodyPublishers.ofString(json(keys))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("the JWKS server answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the JWKS server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonWebKey jwk(PublicKey key, String kid) {
        try {
            RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(key);
            jwk.setKeyId(kid);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(List<JsonWebKey> keys) {
        return new JsonWebKeySet(new ArrayList<>(keys)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static RSAPublicKey devPublicKey() {
        try {
            String pem = Files.readString(Path.of("scripts/dev-keys/public.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dev public key", e);
        }
    }
}
