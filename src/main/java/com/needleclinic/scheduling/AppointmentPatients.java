package com.needleclinic.scheduling;

import com.needleclinic.audit.PatientOfResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Which patient an appointment is about, for the audit row of a refused call on it. */
@ApplicationScoped
class AppointmentPatients implements PatientOfResource {

    private final AppointmentRepository appointments;

    AppointmentPatients(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    @Override
    @Transactional
    public Optional<UUID> patientOf(String resourceType, UUID id) {
        return AppointmentService.RESOURCE.equals(resourceType)
                ? appointments.findByIdOptional(id).map(Appointment::patientId) : Optional.empty();
    }
}
