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
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.KnownConstraints;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.Problem;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;

@ApplicationScoped
public class PatientService implements KnownConstraints {

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
        if (!Boolean.TRUE.equals(request.confirmDuplicate())) {
            patients.withIdentity(request.firstName(), request.lastName(), request.dateOfBirth()).ifPresent(existing -> {
                throw disclosed(existing, new DuplicatePatientException("possible-duplicate", "Possible duplicate patient",
                        "A patient with this name and date of birth exists (existingPatientId); resend with "
                                + "confirmDuplicate: true if this is a different person", existing));
            });
        }
        Patient.Demographics demographics = request.demographics();
        requireFreeHealthNumber(demographics.healthNumber(), null);
        Patient patient = new Patient(demographics);
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

    /**
     * Every patient shown in the result is a disclosure, so each gets its own audit event. A phone
     * is matched by its E.164 form (any formatting); one that has none is a 400.
     */
    @Transactional
    public Page<PatientView> search(String q, String phone, String email, PageRequest page) {
        String e164 = null;
        if (phone != null) {
            e164 = patients.e164(phone);
            if (e164 == null) {
                throw new InvalidRequestException("phone",
                        "must be a phone number with its area code (or + and the country code)");
            }
        }
        Page<PatientView> result = page.toPage(patients.search(q, e164, email, page.fetchOneMore()), Patient::id,
                PatientView::of);
        auditLog.recordSearch(RESOURCE, null, result.items().stream()
                .map(p -> AuditEntry.of(SEARCH, RESOURCE, p.id(), p.id())).toList());
        return result;
    }

    @Transactional
    public Versioned<PatientView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Patient patient = find(id);
        ifMatch.verify(patient.version());
        PatientRequest merged = mergePatch.apply(PatientView.of(patient).asRequest(), patch, PatientRequest.class);
        Patient.Demographics demographics = merged.demographics();
        requireFreeHealthNumber(demographics.healthNumber(), id);
        patient.update(demographics);
        patients.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, id, id));
        events.emit(patientEvent(EventType.PATIENT_UPDATED, patient));
        Log.infof("Updated patient %s", id);
        return new Versioned<>(patient.version(), PatientView.of(patient));
    }

    /** A health number is one person's: held by another patient, it is a 409 naming that patient. */
    private void requireFreeHealthNumber(PatientDtos.HealthNumber number, UUID self) {
        if (number == null) {
            return;
        }
        patients.withHealthNumber(number).filter(holder -> !holder.equals(self)).ifPresent(holder -> {
            throw disclosed(holder, new DuplicatePatientException("duplicate-health-number", "Health number registered",
                    "Another patient has this health number (existingPatientId): it is most likely the same person",
                    holder));
        });
    }

    /**
     * Naming an existing patient in a refusal discloses them: audited as a search that found them,
     * in its own transaction (the refusal rolls the request's back). Only the desk and admins
     * create and change patients, and they may read every patient.
     */
    private DuplicatePatientException disclosed(UUID existing, DuplicatePatientException refusal) {
        auditLog.recordAllAs(List.of(AuditEntry.of(SEARCH, RESOURCE, existing, existing)), auditLog.actor().subject(),
                auditLog.actor().role());
        return refusal;
    }

    /** A 409 that names the patient it matched ({@code existingPatientId}). */
    static final class DuplicatePatientException extends ConflictException {
        private final UUID existing;

        DuplicatePatientException(String code, String title, String detail, UUID existing) {
            super(code, title, detail);
            this.existing = existing;
        }

        @Override
        public Problem toProblem() {
            return super.toProblem().withExtension("existingPatientId", existing);
        }
    }

    @Override
    public Map<String, Problem> problemsByConstraint() {
        return Map.of("patient_health_number_once", Problem.of(409, "duplicate-health-number", "Health number registered",
                "Another patient has this health number: it is most likely the same person"));
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
