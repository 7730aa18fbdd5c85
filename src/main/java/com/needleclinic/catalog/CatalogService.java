package com.needleclinic.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.catalog.CatalogDtos.ServiceRequest;
import com.needleclinic.catalog.CatalogDtos.ServiceView;
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

import java.util.UUID;

/** The clinic's price list. */
@ApplicationScoped
public class CatalogService {

    private final ClinicServiceRepository services;
    private final MergePatch mergePatch;

    CatalogService(ClinicServiceRepository services, MergePatch mergePatch) {
        this.services = services;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Created<ServiceView> create(ServiceRequest request) {
        ClinicService service = new ClinicService(request.terms());
        services.persistAndFlush(service);
        Log.infof("Created service %s", service.id());
        return new Created<>("/api/v1/services/" + service.id(), service.version(), ServiceView.of(service));
    }

    @Transactional
    public Versioned<ServiceView> get(UUID id) {
        ClinicService service = require(id);
        return new Versioned<>(service.version(), ServiceView.of(service));
    }

    @Transactional
    public Page<ServiceView> list(PageRequest page) {
        return page.toPage(services.page(page.fetchOneMore()), ClinicService::id, ServiceView::of);
    }

    @Transactional
    public Versioned<ServiceView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        ClinicService service = require(id);
        ifMatch.verify(service.version());
        ServiceRequest merged = mergePatch.apply(ServiceView.of(service).asRequest(), patch, ServiceRequest.class);
        service.update(merged.terms());
        services.flush();
        Log.infof("Updated service %s", id);
        return new Versioned<>(service.version(), ServiceView.of(service));
    }

    /** For other features: the service, or 404. */
    @Transactional
    public ClinicService require(UUID id) {
        return services.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Service", id));
    }
}
