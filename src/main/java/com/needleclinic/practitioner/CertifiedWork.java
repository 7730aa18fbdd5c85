package com.needleclinic.practitioner;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;
import java.util.UUID;

/**
 * Booked work that depends on a practitioner's certifications. Scheduling answers it, so that a
 * suspended, revoked or shortened certification reports the future appointments it no longer
 * covers instead of leaving them silently in place.
 */
public interface CertifiedWork {

    /** Ids of the practitioner's future open appointments that rule 1 no longer allows. */
    List<UUID> uncoveredFutureAppointments(UUID practitionerId);

    /** Announces appointments a change has just left uncovered ({@code appointment.needs_attention}). */
    default void announceUncovered(List<UUID> appointmentIds) {
    }

    class NoneYet {
        @Produces
        @DefaultBean
        @ApplicationScoped
        CertifiedWork certifiedWork() {
            return practitionerId -> List.of();
        }
    }
}
