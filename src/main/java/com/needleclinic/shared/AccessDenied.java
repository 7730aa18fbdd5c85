package com.needleclinic.shared;

/**
 * Fired when a caller's role may not call an endpoint, so the audit log can record the attempt.
 * Carries the caller because observers may run on another thread than the request.
 */
public record AccessDenied(String method, String path, String actor, String role) {
}
