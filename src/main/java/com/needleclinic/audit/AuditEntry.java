package com.needleclinic.audit;

import java.util.UUID;

/** What a feature tells the audit log: the action, the resource, and whose data it is. */
public record AuditEntry(Action action, String resourceType, UUID resourceId, UUID patientId) {

    public enum Action { CREATE, READ, UPDATE, SEARCH, WITHDRAW, EXPORT, ADJUDICATE, SIGN, AMEND }

    public static AuditEntry of(Action action, String resourceType, UUID resourceId, UUID patientId) {
        return new AuditEntry(action, resourceType, resourceId, patientId);
    }
}
