package com.needleclinic.scheduling;

import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventType;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What an appointment's events carry (docs/events.md): ids, times in the location's offset, the
 * status, and whether a cancellation was late - never the cancellation's reason, and no names.
 */
final class AppointmentEvents {

    private AppointmentEvents() {
    }

    static EventEntry of(EventType type, Appointment a, ZoneId zone) {
        return of(type, a, zone, null, List.of());
    }

    static EventEntry rescheduled(Appointment a, ZoneId zone, OffsetDateTime previousStart) {
        return of(EventType.APPOINTMENT_RESCHEDULED, a, zone, previousStart, List.of());
    }

    static EventEntry needsAttention(Appointment a, ZoneId zone, List<String> reasons) {
        return of(EventType.APPOINTMENT_NEEDS_ATTENTION, a, zone, null, reasons);
    }

    private static EventEntry of(EventType type, Appointment a, ZoneId zone, OffsetDateTime previousStart,
                                 List<String> reasons) {
        Boolean late = a.status() == AppointmentStatus.CANCELLED ? Boolean.TRUE.equals(a.cancelledLate()) : null;
        Data data = new Data(a.id(), a.patientId(), a.practitionerId(), a.serviceId(), a.locationId(), a.roomId(),
                a.seriesId(),
                SchedulingDtos.local(a.start(), zone), SchedulingDtos.local(a.end(), zone), a.status(), late,
                previousStart, List.copyOf(reasons));
        return EventEntry.of(type, AppointmentService.RESOURCE, a.id(), a.patientId(), data);
    }

    /**
     * {@code late} only for a cancellation, {@code previousStart} only for a reschedule;
     * {@code attentionReasons} always a list, empty unless flagged (as on the appointment itself).
     */
    record Data(UUID appointmentId, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, UUID roomId,
                UUID seriesId,
                OffsetDateTime start, OffsetDateTime end, AppointmentStatus status, Boolean late,
                OffsetDateTime previousStart, List<String> attentionReasons) {
    }
}
