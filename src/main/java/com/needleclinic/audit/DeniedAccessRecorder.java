package com.needleclinic.audit;

import com.needleclinic.shared.AccessDenied;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.UUID;

/**
 * Records every role-refused call (rule 7: denied attempts are audited too), on patient data and
 * on everything else, with the action actually attempted (a refused cancel is an UPDATE, not a
 * CREATE), the resource the path names and, for patient data, the patient it is about: read off
 * the path ({@code /api/v1/patients/{id}/consents}) or asked of the feature that owns the resource
 * ({@link PatientOfResource}).
 */
@ApplicationScoped
class DeniedAccessRecorder {

    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("patients", "PATIENT"), Map.entry("coverages", "COVERAGE"), Map.entry("consents", "CONSENT"),
            Map.entry("appointments", "APPOINTMENT"), Map.entry("appointment-series", "APPOINTMENT_SERIES"),
            Map.entry("treatment-notes", "TREATMENT_NOTE"), Map.entry("treatment-note", "TREATMENT_NOTE"),
            Map.entry("claims", "CLAIM"), Map.entry("audit-events", "AUDIT_EVENT"),
            Map.entry("waitlist", "WAITLIST_ENTRY"), Map.entry("offers", "APPOINTMENT"),
            Map.entry("locations", "LOCATION"), Map.entry("rooms", "ROOM"), Map.entry("practitioners", "PRACTITIONER"),
            Map.entry("certifications", "CERTIFICATION"), Map.entry("schedule", "SCHEDULE"),
            Map.entry("time-off", "TIME_OFF"), Map.entry("services", "SERVICE"), Map.entry("insurers", "INSURER"),
            Map.entry("availability", "AVAILABILITY"), Map.entry("events", "EVENT"),
            Map.entry("webhook-subscriptions", "WEBHOOK_SUBSCRIPTION"), Map.entry("deliveries", "WEBHOOK_DELIVERY"));

    /** The last path segment of a POST that changes an existing resource, and the action it attempts. */
    private static final Map<String, AuditEntry.Action> ACTIONS = Map.ofEntries(
            Map.entry("cancel", AuditEntry.Action.UPDATE), Map.entry("check-in", AuditEntry.Action.UPDATE),
            Map.entry("no-show", AuditEntry.Action.UPDATE), Map.entry("reschedule", AuditEntry.Action.UPDATE),
            Map.entry("withdrawal", AuditEntry.Action.WITHDRAW), Map.entry("sign", AuditEntry.Action.SIGN),
            Map.entry("amendments", AuditEntry.Action.AMEND), Map.entry("adjudication", AuditEntry.Action.ADJUDICATE),
            Map.entry("accept", AuditEntry.Action.UPDATE), Map.entry("decline", AuditEntry.Action.UPDATE),
            Map.entry("secret-rotation", AuditEntry.Action.UPDATE), Map.entry("replay", AuditEntry.Action.UPDATE));

    private final AuditLog auditLog;
    private final jakarta.enterprise.inject.Instance<PatientOfResource> owners;

    DeniedAccessRecorder(AuditLog auditLog, jakarta.enterprise.inject.Instance<PatientOfResource> owners) {
        this.auditLog = auditLog;
        this.owners = owners;
    }

    void onDenied(@Observes AccessDenied denied) {
        String[] segments = denied.path().replaceFirst("^/?api/v1/", "").split("/");
        if (segments.length == 0 || segments[0].isEmpty()) {
            return;
        }
        UUID patientId = "patients".equals(segments[0]) && segments.length > 1 ? uuid(segments[1]) : null;
        // The innermost resource the path names: /patients/{id}/consents/{consentId} is a consent,
        // /waitlist/offers/{appointmentId}/accept the hold's appointment.
        String resourceType = segments[0].toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        UUID resourceId = null;
        for (int i = 0; i < segments.length; i++) {
            if (RESOURCES.containsKey(segments[i])) {
                resourceType = RESOURCES.get(segments[i]);
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
