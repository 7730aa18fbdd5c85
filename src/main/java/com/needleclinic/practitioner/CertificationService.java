package com.needleclinic.practitioner;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.practitioner.PractitionerDtos.CertificationRequest;
import com.needleclinic.practitioner.PractitionerDtos.CertificationChangeView;
import com.needleclinic.practitioner.PractitionerDtos.CertificationView;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CertificationService {

    private final PractitionerService practitioners;
    private final CertificationRepository certifications;
    private final MergePatch mergePatch;
    private final CertifiedWork certifiedWork;
    private final EventLog events;

    CertificationService(PractitionerService practitioners, CertificationRepository certifications, MergePatch mergePatch,
                         CertifiedWork certifiedWork, EventLog events) {
        this.events = events;
        this.practitioners = practitioners;
        this.certifications = certifications;
        this.mergePatch = mergePatch;
        this.certifiedWork = certifiedWork;
    }

    @Transactional
    public Created<CertificationView> create(UUID practitionerId, CertificationRequest request) {
        Practitioner practitioner = practitioners.require(practitionerId);
        Certification certification = practitioner.certify(request.modality(), request.credential(), request.status());
        certifications.persistAndFlush(certification);
        events.emit(changed(certification, List.of()));
        Log.infof("Practitioner %s certified for %s (%s)", practitionerId, request.modality(), certification.id());
        return new Created<>(location(practitionerId, certification.id()), certification.version(),
                CertificationView.of(certification));
    }

    @Transactional
    public Page<CertificationView> list(UUID practitionerId, PageRequest page) {
        practitioners.require(practitionerId);
        return page.toPage(certifications.pageWhere("practitioner.id", practitionerId, page.fetchOneMore()), Certification::id,
                CertificationView::of);
    }

    @Transactional
    public Versioned<CertificationView> get(UUID practitionerId, UUID certificationId) {
        Certification certification = require(practitionerId, certificationId);
        return new Versioned<>(certification.version(), CertificationView.of(certification));
    }

    /**
     * Changes status, validity or credential details. The modality is what the credential is
     * for, so it never changes: a new modality is a new certification. The answer lists the
     * practitioner's future appointments that rule 1 no longer allows, so the desk can rebook them.
     */
    @Transactional
    public Versioned<CertificationChangeView> patch(UUID practitionerId, UUID certificationId, JsonNode patch, IfMatch ifMatch) {
        Certification certification = require(practitionerId, certificationId);
        ifMatch.verify(certification.version());
        CertificationRequest merged = mergePatch.apply(CertificationView.of(certification).asRequest(), patch,
                CertificationRequest.class);
        if (merged.modality() != certification.modality()) {
            throw new InvalidRequestException("modality", "cannot change; add a new certification instead");
        }
        List<UUID> before = certifiedWork.uncoveredFutureAppointments(practitionerId);
        certification.update(merged.credential(), merged.status());
        certifications.flush();
        List<UUID> affected = certifiedWork.uncoveredFutureAppointments(practitionerId);
        events.emit(changed(certification, affected));
        certifiedWork.announceUncovered(affected.stream().filter(id -> !before.contains(id)).toList());
        Log.infof("Certification %s of practitioner %s now %s; %d future appointments uncovered", certificationId,
                practitionerId, merged.status(), affected.size());
        return new Versioned<>(certification.version(), CertificationChangeView.of(certification, affected));
    }

    /** {@code certification.changed}: the credential's terms (no personal data), and the visits it no longer covers. */
    private static EventEntry changed(Certification c, List<UUID> uncovered) {
        return EventEntry.of(EventType.CERTIFICATION_CHANGED, "CERTIFICATION", c.id(), null,
                new CertificationChanged(c.id(), c.practitioner().id(), c.modality(), c.status(), c.validFrom(),
                        c.validUntil(), List.copyOf(uncovered)));
    }

    record CertificationChanged(UUID certificationId, UUID practitionerId, Modality modality, CertificationStatus status,
                                java.time.LocalDate validFrom, java.time.LocalDate validUntil,
                                List<UUID> uncoveredAppointmentIds) {
    }

    private Certification require(UUID practitionerId, UUID certificationId) {
        return certifications.findOf(practitionerId, certificationId)
                .orElseThrow(() -> new ResourceNotFoundException("Certification", certificationId));
    }

    private static String location(UUID practitionerId, UUID certificationId) {
        return "/api/v1/practitioners/" + practitionerId + "/certifications/" + certificationId;
    }
}
