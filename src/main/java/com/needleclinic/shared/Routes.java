package com.needleclinic.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The paths of the contract ({@code META-INF/openapi.yaml}, which {@code OpenApiDriftTest} holds
 * equal to the routes served) and the methods each answers. Where two templates match a path, the
 * one with more literal segments wins, as in JAX-RS ({@code /patients/search} over
 * {@code /patients/{id}}).
 */
public final class Routes {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Routes CONTRACT = load("META-INF/openapi.yaml");

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = routes;
    }

    public static Routes contract() {
        return CONTRACT;
    }

    /**
     * The methods the path answers, as an {@code Allow} header lists them (HEAD with GET, and
     * OPTIONS), or empty when the contract has no such path.
     */
    public Optional<Set<String>> allowed(String path) {
        return routes.stream().filter(r -> r.pattern.matcher(path).matches())
                .max(Comparator.comparingInt(Route::literalSegments)).map(Route::methods);
    }

    /** Every literal segment of the contract's paths ({@code api}, {@code v1}, {@code patients}, ...). */
    public Set<String> literalSegments() {
        Set<String> literals = new HashSet<>();
        for (Route route : routes) {
            for (String segment : route.template.split("/")) {
                if (!segment.isEmpty() && !segment.startsWith("{")) {
                    literals.add(segment);
                }
            }
        }
        return Set.copyOf(literals);
    }

    static Routes load(String resource) {
        try (InputStream in = Routes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The contract " + resource + " is not on the class path");
            }
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
            List<Route> routes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                Set<String> methods = new LinkedHashSet<>();
                path.getValue().fieldNames().forEachRemaining(name -> {
                    if (METHODS.contains(name)) {
                        methods.add(name.toUpperCase(Locale.ROOT));
                    }
                });
                if (methods.contains("GET")) {
                    methods.add("HEAD");
                }
                methods.add("OPTIONS");
                routes.add(new Route(path.getKey(), methods));
            }
            return new Routes(List.copyOf(routes));
        } catch (IOException e) {
            throw new UncheckedIOException("The contract " + resource + " cannot be read", e);
        }
    }

    private record Route(String template, Pattern pattern, int literalSegments, Set<String> methods) {

        Route(String template, Set<String> methods) {
            this(template, Pattern.compile(regex(template)), literals(template), Set.copyOf(methods));
        }

        private static String regex(String template) {
            StringBuilder regex = new StringBuilder();
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/');
                regex.append(segment.startsWith("{") && segment.endsWith("}") ? "[^/]+" : Pattern.quote(segment));
            }
            return regex.toString();
        }

        private static int literals(String template) {
            int count = 0;
            for (String segment : template.split("/")) {
                if (!segment.isEmpty() && !segment.startsWith("{")) {
                    count++;
                }
            }
            return count;
        }
    }
}
