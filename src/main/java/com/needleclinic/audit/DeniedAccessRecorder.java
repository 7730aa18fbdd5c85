package com.needleclinic.audit;

import com.needleclinic.shared.AccessDenied;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.UUID;

/**
 * Records role-refused calls on patient data (rule 7: denied attempts are audited too). The
 * resource and patient are read off the path, e.g. {@code /api/v1/patients/{id}/consents}.
 */
@ApplicationScoped
class DeniedAccessRecorder {

    private static final Map<String, String> PATIENT_DATA = Map.of(
            "patients", "PATIENT", "coverages", "COVERAGE", "consents", "CONSENT",
            "appointments", "APPOINTMENT", "treatment-notes", "TREATMENT_NOTE", "claims", "CLAIM",
            "audit-events", "AUDIT_EVENT");

    private final AuditLog auditLog;

    DeniedAccessRecorder(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void onDenied(@Observes AccessDenied denied) {
        String[] segments = denied.path().replaceFirst("^/?api/v1/", "").split("/");
        if (segments.length == 0 || !PATIENT_DATA.containsKey(segments[0])) {
            return;
        }
        UUID patientId = "patients".equals(segments[0]) && segments.length > 1 ? uuid(segments[1]) : null;
        String resourceType = PATIENT_DATA.get(segments[0]);
        UUID resourceId = segments.length > 1 ? uuid(segments[1]) : null;
        if (segments.length > 2 && PATIENT_DATA.containsKey(segments[2])) {
            resourceType = PATIENT_DATA.get(segments[2]);
            resourceId = segments.length > 3 ? uuid(segments[3]) : null;
        }
        AuditEntry.Action action = switch (denied.method()) {
            case "GET" -> resourceId == null ? AuditEntry.Action.SEARCH : AuditEntry.Action.READ;
            case "POST" -> AuditEntry.Action.CREATE;
            default -> AuditEntry.Action.UPDATE;
        };
        try {
            auditLog.recordDenied(AuditEntry.of(action, resourceType, resourceId, patientId), denied.actor(), denied.role());
        } catch (RuntimeException e) {
            Log.errorf("Could not audit a denied %s on %s", denied.method(), resourceType);
        }
    }

    private static UUID uuid(String segment) {
        try {
            return UUID.fromString(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
