package com.needleclinic.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.patient.PatientDtos.PatientRequest;
import com.needleclinic.patient.PatientDtos.PatientView;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;

@ApplicationScoped
public class PatientService {

    static final String RESOURCE = "PATIENT";

    private final PatientRepository patients;
    private final PatientAccess access;
    private final AuditLog auditLog;
    private final MergePatch mergePatch;
    private final EventLog events;

    PatientService(PatientRepository patients, PatientAccess access, AuditLog auditLog, MergePatch mergePatch,
                   EventLog events) {
        this.events = events;
        this.patients = patients;
        this.access = access;
        this.auditLog = auditLog;
        this.mergePatch = mergePatch;
    }

    /**
     * Registers a patient. The same name and date of birth as an existing patient is most often
     * the same person registered twice (which splits their chart), so it needs confirmation.
     */
    @Transactional
    public Created<PatientView> create(PatientRequest request) {
        patients.lockIdentity(request.firstName(), request.lastName(), request.dateOfBirth());
        if (!Boolean.TRUE.equals(request.confirmDuplicate())
                && patients.existsWithIdentity(request.firstName(), request.lastName(), request.dateOfBirth())) {
            throw new ConflictException("possible-duplicate", "Possible duplicate patient",
                    "A patient with this name and date of birth exists; resend with confirmDuplicate: true "
                            + "if this is a different person");
        }
        Patient patient = new Patient(request.demographics());
        patients.persistAndFlush(patient);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, patient.id(), patient.id()));
        events.emit(patientEvent(EventType.PATIENT_CREATED, patient));
        Log.infof("Registered patient %s", patient.id());
        return new Created<>("/api/v1/patients/" + patient.id(), patient.version(), PatientView.of(patient));
    }

    @Transactional
    public Versioned<PatientView> get(UUID id) {
        access.requireReadable(id, AuditEntry.of(READ, RESOURCE, id, id));
        Patient patient = find(id);
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, id));
        return new Versioned<>(patient.version(), PatientView.of(patient));
    }

    /** Every patient shown in the result is a disclosure, so each gets its own audit event. */
    @Transactional
    public Page<PatientView> search(String q, PageRequest page) {
        Page<PatientView> result = page.toPage(patients.search(q, page.fetchOneMore()), Patient::id, PatientView::of);
        auditLog.recordSearch(RESOURCE, null, result.items().stream()
                .map(p -> AuditEntry.of(SEARCH, RESOURCE, p.id(), p.id())).toList());
        return result;
    }

    @Transactional
    public Versioned<PatientView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Patient patient = find(id);
        ifMatch.verify(patient.version());
        PatientRequest merged = mergePatch.apply(PatientView.of(patient).asRequest(), patch, PatientRequest.class);
        patient.update(merged.demographics());
        patients.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, id, id));
        events.emit(patientEvent(EventType.PATIENT_UPDATED, patient));
        Log.infof("Updated patient %s", id);
        return new Versioned<>(patient.version(), PatientView.of(patient));
    }

    /** A patient's events carry the id only: who the patient is and what changed are read through the API. */
    private static EventEntry patientEvent(EventType type, Patient patient) {
        return EventEntry.of(type, RESOURCE, patient.id(), patient.id(), new PatientEvent(patient.id(), patient.version()));
    }

    record PatientEvent(UUID patientId, long version) {
    }

    /** For other features: the patient, or 404. Not audited here: the caller audits its own use. */
    @Transactional
    public Patient require(UUID id) {
        return find(id);
    }

    private Patient find(UUID id) {
        return patients.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Patient", id));
    }

    /** A replayed creation sends patient data again: audited as a read. */
    public Idempotency.Guard replayAudit() {
        return new Idempotency.Guard() {
            @Override
            public void replayed(String location) {
                auditLog.record(AuditEntry.of(AuditEntry.Action.READ, RESOURCE, Ids.fromLocation(location), Ids.fromLocation(location)));
            }
        };
    }
}
