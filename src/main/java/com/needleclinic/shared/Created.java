package com.needleclinic.shared;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** A newly created resource: answered as {@code 201} with {@code Location}, {@code ETag} and the body. */
public record Created<V>(String location, long version, V body) {

    public Response toResponse() {
        return Response.created(URI.create(location)).header(HttpHeaders.ETAG, IfMatch.etag(version))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
