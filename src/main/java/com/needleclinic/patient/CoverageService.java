package com.needleclinic.patient;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.insurer.InsurerService;
import com.needleclinic.patient.PatientDtos.CoverageRequest;
import com.needleclinic.patient.PatientDtos.CoverageView;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;

/** Insurance coverages: who pays for a patient's care, and on which days. */
@ApplicationScoped
public class CoverageService {

    static final String RESOURCE = "COVERAGE";

    private final PatientService patients;
    private final CoverageRepository coverages;
    private final InsurerService insurers;
    private final AuditLog auditLog;
    private final Clock clock;

    CoverageService(PatientService patients, CoverageRepository coverages, InsurerService insurers, AuditLog auditLog,
                    Clock clock) {
        this.patients = patients;
        this.coverages = coverages;
        this.insurers = insurers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    public Created<CoverageView> add(UUID patientId, CoverageRequest request) {
        Patient patient = patients.require(patientId);
        InvalidRequestException.referenced("insurerId", () -> insurers.require(request.insurerId()));
        Coverage coverage = patient.addCoverage(request.plan(), clock.instant());
        coverages.persistAndFlush(coverage);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, coverage.id(), patientId));
        Log.infof("Added coverage %s to patient %s", coverage.id(), patientId);
        return new Created<>("/api/v1/patients/" + patientId + "/coverages/" + coverage.id(), coverage.version(),
                CoverageView.of(coverage));
    }

    @Transactional
    public Page<CoverageView> list(UUID patientId, PageRequest page) {
        patients.require(patientId);
        Page<CoverageView> result = page.toPage(coverages.pageWhere("patient.id", patientId, page.fetchOneMore()), Coverage::id,
                CoverageView::of);
        auditLog.recordSearch(RESOURCE, patientId, result.items().stream()
                .map(c -> AuditEntry.of(SEARCH, RESOURCE, c.id(), patientId)).toList());
        return result;
    }

    /** For billing: the coverage that pays for the patient's service on {@code date}, if any. */
    @Transactional
    public Optional<Coverage> payingCoverage(UUID patientId, LocalDate date) {
        return patients.require(patientId).payingCoverageOn(date);
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
