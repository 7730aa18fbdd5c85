package com.needleclinic.practitioner;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.practitioner.PractitionerDtos.PractitionerRequest;
import com.needleclinic.practitioner.PractitionerDtos.PractitionerView;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.UUID;

@ApplicationScoped
public class PractitionerService {

    private final PractitionerRepository practitioners;
    private final MergePatch mergePatch;

    PractitionerService(PractitionerRepository practitioners, MergePatch mergePatch) {
        this.practitioners = practitioners;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Created<PractitionerView> create(PractitionerRequest request) {
        requireUniqueRegistration(request, null);
        Practitioner practitioner = new Practitioner(request.profile());
        practitioner.linkIdentity(request.identitySubject());
        if (!request.active()) {
            practitioner.deactivate();
        }
        practitioners.persistAndFlush(practitioner);
        Log.infof("Created practitioner %s", practitioner.id());
        return new Created<>("/api/v1/practitioners/" + practitioner.id(), practitioner.version(),
                PractitionerView.of(practitioner));
    }

    @Transactional
    public Versioned<PractitionerView> get(UUID id) {
        Practitioner practitioner = require(id);
        return new Versioned<>(practitioner.version(), PractitionerView.of(practitioner));
    }

    /** All practitioners, or with a modality only the active ones certified for it on {@code on}. */
    @Transactional
    public Page<PractitionerView> list(Modality modality, LocalDate on, PageRequest page) {
        var rows = modality == null ? practitioners.page(page.fetchOneMore())
                : practitioners.certifiedOn(modality, on, page.fetchOneMore());
        return page.toPage(rows, Practitioner::id, PractitionerView::of);
    }

    @Transactional
    public Versioned<PractitionerView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Practitioner practitioner = require(id);
        ifMatch.verify(practitioner.version());
        PractitionerRequest merged = mergePatch.apply(PractitionerView.of(practitioner).asRequest(), patch,
                PractitionerRequest.class);
        requireUniqueRegistration(merged, id);
        practitioner.update(merged.profile());
        practitioner.linkIdentity(merged.identitySubject());
        if (merged.active()) {
            practitioner.activate();
        } else {
            practitioner.deactivate();
        }
        practitioners.flush();
        Log.infof("Updated practitioner %s", id);
        return new Versioned<>(practitioner.version(), PractitionerView.of(practitioner));
    }

    /** For other features: the practitioner with their certifications, or 404. */
    @Transactional
    public Practitioner require(UUID id) {
        return practitioners.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Practitioner", id));
    }

    private void requireUniqueRegistration(PractitionerRequest request, UUID self) {
        boolean taken = practitioners.find("registrationBody = ?1 and registrationNumber = ?2",
                        request.registrationBody().strip(), request.registrationNumber().strip())
                .stream().anyMatch(p -> !p.id().equals(self));
        if (taken) {
            throw duplicateRegistration();
        }
    }

    /** A subject acts as one party only (identity_link's key). */
    static ConflictException subjectLinked() {
        return new ConflictException("identity-subject-linked", "Identity subject already linked",
                "This identity subject already acts as another practitioner or insurer client; unlink it there first");
    }

    static ConflictException duplicateRegistration() {
        return new ConflictException("duplicate-registration", "Duplicate registration",
                "A practitioner with this registration body and number already exists");
    }
}
