package com.needleclinic.patient;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Object-level access to a patient's record (OWASP API1): front desk and admin read every
 * patient; a practitioner only those they treat. Anyone else learns nothing, not even that the
 * patient exists (404), and the attempt is audited as DENIED.
 */
@ApplicationScoped
class PatientAccess {

    private final Caller caller;
    private final CareTeam careTeam;
    private final AuditLog auditLog;

    PatientAccess(Caller caller, CareTeam careTeam, AuditLog auditLog) {
        this.caller = caller;
        this.careTeam = careTeam;
        this.auditLog = auditLog;
    }

    void requireReadable(UUID patientId, AuditEntry attempted) {
        if (caller.is(Roles.ADMIN) || caller.is(Roles.FRONT_DESK)) {
            return;
        }
        boolean treating = caller.is(Roles.PRACTITIONER)
                && caller.practitionerId().map(p -> careTeam.treats(p, patientId)).orElse(false);
        if (!treating) {
            auditLog.recordDenied(attempted);
            throw new ResourceNotFoundException("Patient", patientId);
        }
    }
}
