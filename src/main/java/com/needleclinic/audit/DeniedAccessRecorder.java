package com.needleclinic.audit;

import com.needleclinic.shared.AccessDenied;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.UUID;

/**
 * Records role-refused calls on patient data (rule 7: denied attempts are audited too) with the
 * action actually attempted (a refused cancel is an UPDATE, not a CREATE) and the patient the
 * target names: read off the path ({@code /api/v1/patients/{id}/consents}) or asked of the feature
 * that owns the resource ({@link PatientOfResource}).
 */
@ApplicationScoped
class DeniedAccessRecorder {

    private static final Map<String, String> PATIENT_DATA = Map.of(
            "patients", "PATIENT", "coverages", "COVERAGE", "consents", "CONSENT",
            "appointments", "APPOINTMENT", "treatment-notes", "TREATMENT_NOTE", "claims", "CLAIM",
            "audit-events", "AUDIT_EVENT", "waitlist", "WAITLIST_ENTRY", "offers", "APPOINTMENT");

    /** The last path segment of a POST that changes an existing resource, and the action it attempts. */
    private static final Map<String, AuditEntry.Action> ACTIONS = Map.of(
            "cancel", AuditEntry.Action.UPDATE, "check-in", AuditEntry.Action.UPDATE,
            "no-show", AuditEntry.Action.UPDATE, "reschedule", AuditEntry.Action.UPDATE,
            "withdrawal", AuditEntry.Action.WITHDRAW, "sign", AuditEntry.Action.SIGN,
            "amendments", AuditEntry.Action.AMEND, "adjudication", AuditEntry.Action.ADJUDICATE,
            "accept", AuditEntry.Action.UPDATE, "decline", AuditEntry.Action.UPDATE);

    private final AuditLog auditLog;
    private final jakarta.enterprise.inject.Instance<PatientOfResource> owners;

    DeniedAccessRecorder(AuditLog auditLog, jakarta.enterprise.inject.Instance<PatientOfResource> owners) {
        this.auditLog = auditLog;
        this.owners = owners;
    }

    void onDenied(@Observes AccessDenied denied) {
        String[] segments = denied.path().replaceFirst("^/?api/v1/", "").split("/");
        if (segments.length == 0 || !PATIENT_DATA.containsKey(segments[0])) {
            return;
        }
        UUID patientId = "patients".equals(segments[0]) && segments.length > 1 ? uuid(segments[1]) : null;
        // The innermost resource the path names: /patients/{id}/consents/{consentId} is a consent,
        // /waitlist/offers/{appointmentId}/accept the hold's appointment.
        String resourceType = null;
        UUID resourceId = null;
        for (int i = 0; i < segments.length; i++) {
            if (PATIENT_DATA.containsKey(segments[i])) {
                resourceType = PATIENT_DATA.get(segments[i]);
                resourceId = i + 1 < segments.length ? uuid(segments[i + 1]) : null;
            }
        }
        AuditEntry.Action action = switch (denied.method()) {
            case "GET" -> resourceId == null ? AuditEntry.Action.SEARCH : AuditEntry.Action.READ;
            case "POST" -> ACTIONS.getOrDefault(segments[segments.length - 1], AuditEntry.Action.CREATE);
            default -> AuditEntry.Action.UPDATE;
        };
        if (patientId == null && resourceId != null) {
            patientId = patientOf(resourceType, resourceId);
        }
        try {
            auditLog.recordDenied(AuditEntry.of(action, resourceType, resourceId, patientId), denied.actor(), denied.role());
        } catch (RuntimeException e) {
            Log.errorf("Could not audit a denied %s on %s", denied.method(), resourceType);
        }
    }

    private UUID patientOf(String resourceType, UUID resourceId) {
        for (PatientOfResource owner : owners) {
            var patient = owner.patientOf(resourceType, resourceId);
            if (patient.isPresent()) {
                return patient.get();
            }
        }
        return null;
    }

    private static UUID uuid(String segment) {
        try {
            return UUID.fromString(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
