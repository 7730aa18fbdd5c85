package com.needleclinic.shared;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String code, String title, String detail) {
        return response(Problem.of(status, code, title, detail));
    }
}
