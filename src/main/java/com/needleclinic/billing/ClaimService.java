package com.needleclinic.billing;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventLog;
import com.needleclinic.catalog.CatalogService;
import com.needleclinic.catalog.ClinicService;
import com.needleclinic.insurer.InsurerService;
import com.needleclinic.location.Location;
import com.needleclinic.location.LocationService;
import com.needleclinic.patient.Coverage;
import com.needleclinic.patient.CoverageService;
import com.needleclinic.patient.Patient;
import com.needleclinic.patient.PatientService;
import com.needleclinic.practitioner.Practitioner;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.scheduling.AppointmentService;
import com.needleclinic.scheduling.Visit;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Roles;
import com.needleclinic.treatment.NoteSigned;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.ADJUDICATE;
import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.EXPORT;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;

/** Claims: created by signing, pulled and adjudicated by insurers (rule 6, docs/rules.md). */
@ApplicationScoped
public class ClaimService {

    static final String RESOURCE = "CLAIM";

    private final ClaimRepository claims;
    private final AppointmentService appointments;
    private final PatientService patients;
    private final CoverageService coverages;
    private final PractitionerService practitioners;
    private final CatalogService catalog;
    private final AuditLog auditLog;
    private final Caller caller;
    private final Clock clock;
    private final LocationService locations;
    private final InsurerService insurers;
    private final EventLog events;

    /**
     * How long after its submission a claim is sure to be visible ({@code CLINIC_CLAIMS_SETTLE},
     * default 2 minutes): longer than any signing transaction may last (the transaction timeout,
     * 60 s), with the instances' clocks a little apart.
     */
    private final java.time.Duration settle;

    ClaimService(ClaimRepository claims, AppointmentService appointments, PatientService patients,
                 CoverageService coverages, PractitionerService practitioners, CatalogService catalog,
                 AuditLog auditLog, Caller caller, Clock clock, LocationService locations,
                 InsurerService insurers, EventLog events,
                 @ConfigProperty(name = "clinic.claims.settle", defaultValue = "PT2M") java.time.Duration settle) {
        this.settle = settle;
        this.events = events;
        this.claims = claims;
        this.appointments = appointments;
        this.patients = patients;
        this.coverages = coverages;
        this.practitioners = practitioners;
        this.catalog = catalog;
        this.auditLog = auditLog;
        this.caller = caller;
        this.clock = clock;
        this.locations = locations;
        this.insurers = insurers;
    }

    /**
     * Runs inside the signing transaction: the claim exists exactly when the signature does. A
     * patient without a coverage valid on the service date pays at the desk: no claim.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onNoteSigned(@Observes NoteSigned signed) {
        Visit appointment = appointments.lockVisit(signed.appointmentId());
        Optional<Coverage> coverage = coverages.payingCoverage(appointment.patientId(), appointment.localDate());
        if (coverage.isEmpty() || claims.existsForAppointment(appointment.id())) {
            Log.infof("No claim for appointment %s (coverage: %s)", appointment.id(), coverage.isPresent());
            return;
        }
        Patient patient = patients.require(appointment.patientId());
        Practitioner practitioner = practitioners.require(appointment.practitionerId());
        ClinicService service = catalog.require(appointment.serviceId());
        Location location = locations.require(appointment.locationId());
        Coverage plan = coverage.get();
        Claim claim = new Claim(new ClaimSnapshot(signed.noteId(), appointment.id(), patient.id(), plan.id(),
                plan.insurerId(), appointment.localDate(), patient.firstName(), patient.lastName(),
                patient.dateOfBirth(), plan.policyNumber(), plan.memberId(), plan.relationship().name(),
                practitioner.firstName() + " " + practitioner.lastName(), practitioner.discipline().name(),
                practitioner.registrationNumber(), practitioner.province().name(), service.name(),
                service.billingCode(), service.modality() == null ? null : service.modality().name(),
                service.priceCents(), service.currency(), practitioner.registrationBody(), location.name(),
                location.province().name(), insurers.require(plan.insurerId()).code()), clock.instant());
        claims.persistAndFlush(claim);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, claim.id(), patient.id()));
        events.emit(ClaimEvents.submitted(claim));
        Log.infof("Claim %s submitted to insurer %s for appointment %s", claim.id(), plan.insurerId(), appointment.id());
    }

    @Transactional
    public Page<ClaimView> list(ClaimFilter filter, PageRequest page) {
        java.util.List<Claim> rows = claims.page(scoped(filter), page.fetchOneMore());
        return shown(rows, page);
    }

    /**
     * Claims in submission order after {@code afterClaim} (or after the page cursor, which
     * continues the same walk): only those submitted {@code settle} ago or more, so a claim whose
     * signing transaction commits late is still ahead of the cursor when it appears. The claim
     * named must be one the caller may read (else 400).
     */
    @Transactional
    public Page<ClaimView> listSubmittedAfter(ClaimFilter filter, UUID afterClaim, PageRequest page) {
        UUID resumeFrom = page.after() != null ? page.after() : afterClaim;
        ClaimFilter scoped = scoped(filter);
        Claim last = claims.findByIdOptional(resumeFrom)
                .filter(c -> scoped.insurerId() == null || c.insurerId().equals(scoped.insurerId()))
                .orElseThrow(() -> new InvalidRequestException(page.after() != null ? "cursor" : "submittedAfter",
                        "names no claim you may read"));
        java.util.List<Claim> rows = claims.page(scoped.resumingAfter(new ClaimFilter.Submission(last.createdAt(), last.id()),
                clock.instant().minus(settle)), new PageRequest(page.limit() + 1, null));
        return shown(rows, new PageRequest(page.limit(), null));
    }

    private Page<ClaimView> shown(java.util.List<Claim> rows, PageRequest page) {
        Page<ClaimView> result = page.toPage(rows, Claim::id, ClaimView::of);
        auditLog.recordSearch(RESOURCE, null, rows.stream().limit(result.items().size())
                .map(c -> AuditEntry.of(SEARCH, RESOURCE, c.id(), c.patientId())).toList());
        return result;
    }

    @Transactional
    public ClaimView get(UUID id) {
        Claim claim = visible(id, READ, LockModeType.NONE);
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, claim.patientId()));
        return ClaimView.of(claim);
    }

    /** Once, by the owning insurer; the row lock makes a concurrent second call see the first. */
    @Transactional
    public ClaimView adjudicate(UUID id, AdjudicationRequest request) {
        Claim claim = visible(id, ADJUDICATE, LockModeType.PESSIMISTIC_WRITE);
        if (request.outcome() == AdjudicationRequest.Outcome.PAID) {
            claim.pay(request.paidCents(), request.reason() == null || request.reason().isBlank() ? null
                    : request.reason().strip(), clock.instant());
        } else {
            claim.reject(request.reason().strip(), clock.instant());
        }
        claims.flush();
        auditLog.record(AuditEntry.of(ADJUDICATE, RESOURCE, id, claim.patientId()));
        events.emit(ClaimEvents.adjudicated(claim));
        Log.infof("Claim %s adjudicated %s", id, claim.status());
        return ClaimView.of(claim);
    }

    /**
     * Records the export and answers what the caller may export: the scoped filter, and the audit
     * trail that records each exported claim against its patient (so a patient's audit history
     * shows every export that carried their data) before the claim is sent.
     */
    @Transactional
    public Export startExport(ClaimFilter filter, String format) {
        ClaimFilter scoped = scoped(filter);
        auditLog.record(AuditEntry.of(EXPORT, RESOURCE + "_" + format, null, null));
        AuditLog.Actor actor = auditLog.actor();
        return new Export(scoped, claims -> auditLog.recordAllAs(claims.stream()
                .map(c -> AuditEntry.of(EXPORT, RESOURCE, c.claimId(), c.patientId())).toList(), actor.subject(), actor.role()));
    }

    /** An export in progress: what it covers, and how each batch of claims is recorded before it is sent. */
    record Export(ClaimFilter filter, java.util.function.Consumer<java.util.List<Exported>> audit) {
    }

    record Exported(UUID claimId, UUID patientId) {
    }

    /** An insurer sees only its own members' claims; admin sees all. */
    private ClaimFilter scoped(ClaimFilter filter) {
        if (caller.is(Roles.ADMIN)) {
            return filter;
        }
        return filter.forInsurer(caller.requireInsurerId());
    }

    private Claim visible(UUID id, AuditEntry.Action action, LockModeType lock) {
        Claim claim = claims.findByIdOptional(id, lock).orElseThrow(() -> new ResourceNotFoundException("Claim", id));
        boolean mine = caller.insurerId().map(claim.insurerId()::equals).orElse(false);
        boolean allowed = action == ADJUDICATE ? mine : mine || caller.is(Roles.ADMIN);
        if (!allowed) {
            auditLog.recordDenied(AuditEntry.of(action, RESOURCE, id, claim.patientId()));
            throw new ResourceNotFoundException("Claim", id);
        }
        return claim;
    }
}
