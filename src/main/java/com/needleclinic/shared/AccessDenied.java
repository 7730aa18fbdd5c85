package com.needleclinic.shared;

/** Fired when a caller's role may not call an endpoint, so the audit log can record the attempt. */
public record AccessDenied(String method, String path) {
}
