package com.needleclinic.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What other features may know of an appointment: a read-only snapshot. Treatment and billing
 * never hold the {@link Appointment} entity itself; they change a visit only through
 * {@link AppointmentService}, so the lifecycle rules stay in one place.
 */
public record Visit(UUID id, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                    Instant start, LocalDate localDate, AppointmentStatus status) {

    static Visit of(Appointment appointment) {
        return new Visit(appointment.id(), appointment.patientId(), appointment.practitionerId(),
                appointment.serviceId(), appointment.locationId(), appointment.start(), appointment.localDate(),
                appointment.status());
    }
}
