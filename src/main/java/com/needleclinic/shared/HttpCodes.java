package com.needleclinic.shared;

/** Problem codes for the HTTP-level client errors that the framework raises. */
final class HttpCodes {

    private HttpCodes() {
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "client-error";
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            default -> "Client error";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This resource does not support that method";
            case 406 -> "No representation matches the Accept header";
            case 413 -> "The request body is too large";
            case 415 -> "Send application/json";
            default -> "The request cannot be processed";
        };
    }
}
