package com.needleclinic;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The operations the code routes, read from its JAX-RS annotations ("POST /api/v1/x/{}"). */
final class RoutedOperations {

    private static final Map<Class<?>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");

    private RoutedOperations() {
    }

    static Set<String> inCode() {
        Set<String> operations = new TreeSet<>();
        for (JavaClass resource : ArchitectureTest.MAIN) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                VERBS.forEach((annotation, verb) -> {
                    if (method.isAnnotatedWith(annotation.asSubclass(java.lang.annotation.Annotation.class))) {
                        String sub = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                        operations.add(verb + " " + join(base, sub).replaceAll("\\{[^}]+}", "{}"));
                    }
                });
            }
        }
        return operations;
    }

    private static String join(String base, String sub) {
        String path = "/" + base.replaceAll("^/+|/+$", "") + (sub.isEmpty() ? "" : "/" + sub.replaceAll("^/+|/+$", ""));
        return path;
    }
}
