package com.needleclinic.shared;

/** The resource does not exist, or the caller may not know that it does (OWASP API1). */
public class ResourceNotFoundException extends DomainException {
    public ResourceNotFoundException(String resourceType, Object id) {
        super(404, "not-found", "Not found", resourceType + " " + id + " was not found");
    }
}
