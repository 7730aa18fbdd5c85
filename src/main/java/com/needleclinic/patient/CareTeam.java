package com.needleclinic.patient;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.UUID;

/**
 * Answers whether a practitioner treats a patient (has, or had, an appointment with them), which
 * is what lets a practitioner read that patient. Scheduling provides the real answer; until a
 * feature does, no practitioner treats anyone.
 */
public interface CareTeam {

    boolean treats(UUID practitionerId, UUID patientId);

    class NobodyYet {
        @Produces
        @DefaultBean
        @ApplicationScoped
        CareTeam careTeam() {
            return (practitionerId, patientId) -> false;
        }
    }
}
