package com.needleclinic.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.Roles;
import com.needleclinic.webhooks.WebhookDtos.DeliveryView;
import com.needleclinic.webhooks.WebhookDtos.ReplayRequest;
import com.needleclinic.webhooks.WebhookDtos.SubscriptionRequest;
import com.needleclinic.webhooks.WebhookDtos.SubscriptionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
public class WebhookResource {

    private final WebhookService service;
    private final Idempotency idempotency;

    WebhookResource(WebhookService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** A replay with the same {@code Idempotency-Key} answers the same secret: the caller may have lost the first answer. */
    @POST
    public Response create(@RestHeader("Idempotency-Key") String key, @NotNull @Valid SubscriptionRequest request) {
        return idempotency.create(key, "POST /webhook-subscriptions", request, service.secretShownOnce(),
                () -> service.create(request));
    }

    @GET
    public Page<SubscriptionView> list(@RestQuery String limit, @RestQuery String cursor) {
        return service.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath UUID id) {
        return service.get(id).toResponse();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response patch(@RestPath UUID id, @RestHeader("If-Match") String ifMatch, JsonNode patch) {
        return service.patch(id, patch, IfMatch.of(ifMatch)).toResponse();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@RestPath UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    public Response rotateSecret(@RestPath UUID id) {
        return service.rotateSecret(id).toResponse();
    }

    @POST
    @Path("/{id}/replay")
    public Response replay(@RestPath UUID id, @NotNull @Valid ReplayRequest request) {
        var replayed = service.replay(id, request.fromSequence());
        return Response.accepted(replayed.body()).build();
    }

    @GET
    @Path("/{id}/deliveries")
    public Page<DeliveryView> deliveries(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return service.deliveries(id, PageRequest.of(limit, cursor));
    }
}
