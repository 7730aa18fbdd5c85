package com.needleclinic.insurer;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.insurer.InsurerDtos.InsurerRequest;
import com.needleclinic.insurer.InsurerDtos.InsurerView;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
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

import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InsurerService implements KnownConstraints {

    private final InsurerRepository insurers;
    private final MergePatch mergePatch;

    InsurerService(InsurerRepository insurers, MergePatch mergePatch) {
        this.insurers = insurers;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Created<InsurerView> create(InsurerRequest request) {
        requireFreeCode(request.code(), null);
        Insurer insurer = new Insurer(request.name(), request.code());
        insurer.linkClients(request.clientSubjects());
        insurers.persistAndFlush(insurer);
        Log.infof("Created insurer %s", insurer.id());
        return new Created<>("/api/v1/insurers/" + insurer.id(), insurer.version(), InsurerView.of(insurer));
    }

    @Transactional
    public Versioned<InsurerView> get(UUID id) {
        Insurer insurer = require(id);
        return new Versioned<>(insurer.version(), InsurerView.of(insurer));
    }

    @Transactional
    public Page<InsurerView> list(PageRequest page) {
        return page.toPage(insurers.page(page.fetchOneMore()), Insurer::id, InsurerView::of);
    }

    @Transactional
    public Versioned<InsurerView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Insurer insurer = require(id);
        ifMatch.verify(insurer.version());
        InsurerRequest merged = mergePatch.apply(new InsurerRequest(insurer.name(), insurer.code(),
                insurer.clientSubjects()), patch,
                InsurerRequest.class);
        requireFreeCode(merged.code(), id);
        insurer.update(merged.name(), merged.code());
        insurer.linkClients(merged.clientSubjects());
        insurers.flush();
        Log.infof("Updated insurer %s", id);
        return new Versioned<>(insurer.version(), InsurerView.of(insurer));
    }

    /** For other features: the insurer, or 404. */
    @Transactional
    public Insurer require(UUID id) {
        return insurers.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Insurer", id));
    }

    private void requireFreeCode(String code, UUID self) {
        if (insurers.codeTakenByOther(code, self)) {
            throw duplicateCode();
        }
    }

    private static ConflictException duplicateCode() {
        return new ConflictException("duplicate-insurer-code", "Duplicate insurer code",
                "Another insurer already uses this code");
    }

    @Override
    public Map<String, Problem> problemsByConstraint() {
        return Map.of("insurer_code_unique", duplicateCode().toProblem());
    }
}
