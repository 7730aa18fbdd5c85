package com.needleclinic.room;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;
import java.util.UUID;

/**
 * Booked visits that depend on a room. Scheduling answers it, so that deactivating a room or
 * taking away a capability reports the future visits it no longer serves instead of leaving
 * them silently in place.
 */
public interface RoomedWork {

    /** Ids of future open visits in the room that it no longer serves (inactive, or a capability missing). */
    List<UUID> unservedFutureAppointments(UUID roomId);

    /** Announces visits a change has just left without a suitable room ({@code appointment.needs_attention}). */
    void announceUnserved(List<UUID> appointmentIds);

    class NoneYet {
        @Produces
        @DefaultBean
        @ApplicationScoped
        RoomedWork roomedWork() {
            return new RoomedWork() {
                @Override
                public List<UUID> unservedFutureAppointments(UUID roomId) {
                    return List.of();
                }

                @Override
                public void announceUnserved(List<UUID> appointmentIds) {
                    // nothing booked without scheduling
                }
            };
        }
    }
}
