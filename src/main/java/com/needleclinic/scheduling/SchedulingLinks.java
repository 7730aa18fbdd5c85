package com.needleclinic.scheduling;

import com.needleclinic.patient.CareTeam;
import com.needleclinic.practitioner.CertifiedWork;
import com.needleclinic.room.RoomedWork;
import com.needleclinic.shared.KnownConstraints;
import com.needleclinic.shared.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What scheduling answers for other features: who treats whom (the care circle of docs/rules.md:
 * a visit the front desk booked, or one that took place), which appointments a certification or room
 * change strands, and which database constraints mean which problem.
 */
@ApplicationScoped
class SchedulingLinks implements CareTeam, CertifiedWork, RoomedWork, KnownConstraints {

    private final AppointmentRepository appointments;
    private final Clock clock;
    private final AppointmentService service;

    SchedulingLinks(AppointmentRepository appointments, Clock clock, AppointmentService service) {
        this.appointments = appointments;
        this.clock = clock;
        this.service = service;
    }

    @Override
    public boolean treats(UUID practitionerId, UUID patientId) {
        return appointments.inCareCircle(practitionerId, patientId);
    }

    @Override
    public List<UUID> uncoveredFutureAppointments(UUID practitionerId) {
        return appointments.notCertifiedFuture(practitionerId, clock.instant());
    }

    @Override
    public void announceUncovered(List<UUID> appointmentIds) {
        service.announceNeedsAttention(appointmentIds, List.of(AttentionReason.PRACTITIONER_NOT_CERTIFIED));
    }

    @Override
    public List<UUID> unservedFutureAppointments(UUID roomId) {
        return appointments.unservedInRoom(roomId, clock.instant());
    }

    @Override
    public void announceUnserved(List<UUID> appointmentIds) {
        service.announceNeedsAttention(appointmentIds, List.of(AttentionReason.ROOM_UNAVAILABLE));
    }

    @Override
    public Map<String, Problem> problemsByConstraint() {
        return problems();
    }

    /** What each of scheduling's constraints means, as the problem a caller gets. */
    static Map<String, Problem> problems() {
        return Map.of(
                "appointment_practitioner_no_overlap", AppointmentService.slotUnavailable().toProblem(),
                "appointment_patient_no_overlap", AppointmentService.patientDoubleBooked().toProblem(),
                RoomRace.CONSTRAINT, AppointmentService.noRoomAvailable().toProblem(),
                "appointment_room_suitable", AppointmentService.noRoomAvailable().toProblem(),
                "appointment_outside_closure", AppointmentService.locationClosed().toProblem(),
                "location_closure_no_overlap", Problem.of(409, "closure-overlaps", "Closure overlaps",
                        "The location already has a closure overlapping that time"),
                "appointment_room_at_location", Problem.of(400, "validation-failed", "Validation failed",
                        "roomId names no room of the visit's location"),
                "appointment_practitioner_certified", Problem.of(422, "practitioner-not-certified",
                        "Practitioner not certified",
                        "The practitioner holds no active certification for this service's modality on that date"));
    }
}
