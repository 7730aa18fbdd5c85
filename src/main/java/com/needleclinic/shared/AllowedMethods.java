package com.needleclinic.shared;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * Methods follow the contract ({@link Routes}), not the REST layer's guess from a resource class:
 * <ul>
 * <li>a method a path does not answer is {@code 405 method-not-allowed} with {@code Allow} listing
 * those it does (it used to come without {@code Allow});</li>
 * <li>{@code OPTIONS} on a path of the contract needs a valid token, like every other method, and
 * answers {@code 204} with {@code Allow}: before, it answered anyone, and listed every method of
 * the resource class ({@code PATCH} on {@code /locations}, which then answered 404).</li>
 * </ul>
 * A path outside the contract is left to the REST layer: {@code 404}.
 */
public class AllowedMethods {

    @Inject
    CurrentIdentityAssociation identity;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> answer(ContainerRequestContext request) {
        Optional<Set<String>> allowed = Routes.contract().allowed(request.getUriInfo().getPath());
        if (allowed.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String allow = String.join(", ", allowed.get().stream().sorted().toList());
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            return identity.getDeferredIdentity().map(caller -> {
                if (caller.isAnonymous()) {
                    throw new UnauthorizedException();
                }
                return Response.noContent().header(HttpHeaders.ALLOW, allow).build();
            });
        }
        if (!allowed.get().contains(method)) {
            return Uni.createFrom().item(Response.fromResponse(Problems.response(405, HttpCodes.code(405),
                    HttpCodes.title(405), HttpCodes.detail(405))).header(HttpHeaders.ALLOW, allow).build());
        }
        return Uni.createFrom().nullItem();
    }
}
