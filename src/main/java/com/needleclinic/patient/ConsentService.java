package com.needleclinic.patient;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.patient.PatientDtos.ConsentRequest;
import com.needleclinic.patient.PatientDtos.ConsentView;
import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.WITHDRAW;

/** Per-modality informed consents to needling. */
@ApplicationScoped
public class ConsentService {

    static final String RESOURCE = "CONSENT";

    private final PatientService patients;
    private final ConsentRepository consents;
    private final PatientAccess access;
    private final AuditLog auditLog;

    ConsentService(PatientService patients, ConsentRepository consents, PatientAccess access, AuditLog auditLog) {
        this.patients = patients;
        this.consents = consents;
        this.access = access;
        this.auditLog = auditLog;
    }

    @Transactional
    public Created<ConsentView> give(UUID patientId, ConsentRequest request) {
        Patient patient = patients.require(patientId);
        Consent consent = patient.giveConsent(request.modality(), request.givenOn());
        consents.persistAndFlush(consent);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, consent.id(), patientId));
        Log.infof("Patient %s consented to %s (%s)", patientId, request.modality(), consent.id());
        return new Created<>("/api/v1/patients/" + patientId + "/consents/" + consent.id(), consent.version(),
                ConsentView.of(consent));
    }

    /** Practitioners who treat the patient read consents too: they must check one before needling. */
    @Transactional
    public Page<ConsentView> list(UUID patientId, PageRequest page) {
        access.requireReadable(patientId, AuditEntry.of(SEARCH, RESOURCE, null, patientId));
        patients.require(patientId);
        Page<ConsentView> result = page.toPage(consents.pageWhere("patient.id", patientId, page.fetchOneMore()), Consent::id,
                ConsentView::of);
        auditLog.recordSearch(RESOURCE, patientId, result.items().stream()
                .map(c -> AuditEntry.of(SEARCH, RESOURCE, c.id(), patientId)).toList());
        return result;
    }

    @Transactional
    public ConsentView withdraw(UUID patientId, UUID consentId, LocalDate withdrawnOn) {
        Consent consent = consents.findOf(patientId, consentId)
                .orElseThrow(() -> new ResourceNotFoundException("Consent", consentId));
        consent.withdraw(withdrawnOn);
        consents.flush();
        auditLog.record(AuditEntry.of(WITHDRAW, RESOURCE, consentId, patientId));
        Log.infof("Consent %s of patient %s withdrawn", consentId, patientId);
        return ConsentView.of(consent);
    }

    /** For treatment notes: does the patient consent to {@code modality} on {@code date}? */
    @Transactional
    public boolean consents(UUID patientId, Modality modality, LocalDate date) {
        return patients.require(patientId).consentsTo(modality, date);
    }

    /** A replayed creation sends patient data again: audited as a read. */
    public Idempotency.Guard replayAudit(UUID patientId) {
        return new Idempotency.Guard() {
            @Override
            public void replayed(String location) {
                auditLog.record(AuditEntry.of(AuditEntry.Action.READ, RESOURCE, Ids.fromLocation(location), patientId));
            }
        };
    }
}
