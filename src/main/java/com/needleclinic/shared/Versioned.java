package com.needleclinic.shared;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A single resource with the version that becomes its {@code ETag}. */
public record Versioned<V>(long version, V body) {

    public Response toResponse() {
        return Response.ok(body).header(HttpHeaders.ETAG, IfMatch.etag(version)).build();
    }
}
