package com.needleclinic.scheduling;

import com.needleclinic.audit.PatientOfResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Which patient an appointment or a course is about, for the audit row of a refused call on it. */
@ApplicationScoped
class AppointmentPatients implements PatientOfResource {

    private final AppointmentRepository appointments;
    private final SeriesRepository series;

    AppointmentPatients(AppointmentRepository appointments, SeriesRepository series) {
        this.appointments = appointments;
        this.series = series;
    }

    @Override
    @Transactional
    public Optional<UUID> patientOf(String resourceType, UUID id) {
        if (SeriesService.RESOURCE.equals(resourceType)) {
            return series.findByIdOptional(id).map(AppointmentSeries::patientId);
        }
        return AppointmentService.RESOURCE.equals(resourceType)
                ? appointments.findByIdOptional(id).map(Appointment::patientId) : Optional.empty();
    }
}
