package com.needleclinic.shared;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unknown query parameters are a {@code 400 validation-failed} naming them, as unknown JSON fields
 * are: {@code ?practitionerID=...} (a typo) must not silently list every appointment. The known
 * ones are those the matched endpoint declares ({@code @RestQuery}, {@code @QueryParam}). A known
 * one sent empty ({@code ?status=}) is a 400 too, never read as absent.
 */
public class KnownQueryParameters {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = DECLARED.computeIfAbsent(method, KnownQueryParameters::declared);
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                unknown.add(new Problem.FieldError(name, "is not a parameter of this operation"));
            } else if (parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                // The REST layer hands an empty value over as absent: a client that meant a value
                // (status=, to=) would get an unfiltered answer.
                unknown.add(new Problem.FieldError(name, QueryParams.EMPTY));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
    }

    private static Set<String> declared(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            RestQuery rest = parameter.getAnnotation(RestQuery.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (rest != null) {
                names.add(rest.value().isEmpty() ? parameter.getName() : rest.value());
            } else if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
