package com.needleclinic.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for schedules, time off, availability and appointments. */
public final class SchedulingDtos {

    private SchedulingDtos() {
    }

    public record ScheduleRequest(@NotNull @Size(max = 100) List<@NotNull @Valid ScheduleEntryRequest> entries) {
    }

    /** A weekly block; {@code start} and {@code end} are local times ({@code HH:mm}) at the location. */
    public record ScheduleEntryRequest(@NotNull UUID locationId, @NotNull DayOfWeek dayOfWeek,
                                       @NotNull LocalTime start, @NotNull LocalTime end) {

        @jakarta.validation.constraints.AssertTrue(message = "must be after start")
        private boolean isEndAfterStart() {
            return start == null || end == null || end.isAfter(start);
        }
    }

    public record ScheduleView(UUID practitionerId, List<ScheduleEntryView> entries) {
    }

    public record ScheduleEntryView(UUID locationId, DayOfWeek dayOfWeek, LocalTime start, LocalTime end) {
        static ScheduleEntryView of(ScheduleEntry e) {
            return new ScheduleEntryView(e.locationId(), e.day(), e.start(), e.end());
        }
    }

    public record TimeOffRequest(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
                                 @Size(max = 200) String reason) {

        @jakarta.validation.constraints.AssertTrue(message = "must be after start")
        private boolean isEndAfterStart() {
            return start == null || end == null || end.isAfter(start);
        }
    }

    public record TimeOffView(UUID id, Instant start, Instant end, String reason) {
        static TimeOffView of(TimeOff t) {
            return new TimeOffView(t.id(), t.start(), t.end(), t.reason());
        }
    }

    /** A bookable slot; its times carry the location's offset (docs/rules.md, "Local offsets"). */
    public record SlotView(UUID practitionerId, OffsetDateTime start, OffsetDateTime end) {
    }

    public record BookAppointmentRequest(@NotNull UUID patientId, @NotNull UUID practitionerId,
                                         @NotNull UUID serviceId, @NotNull UUID locationId,
                                         @NotNull OffsetDateTime start, UUID roomId,
                                         @Size(max = 500) String deskNote) {
    }

    /**
     * A visit's merge patch: only the desk's note ({@code null} clears it). The visit's time, room
     * and status change by their own operations.
     */
    public record AppointmentPatch(@Size(max = 500) String deskNote) {
    }

    /** {@code roomId}: the room to move to; absent, the visit keeps its room if it is free, else gets another. */
    public record RescheduleRequest(@NotNull OffsetDateTime start, UUID roomId) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record CancellationView(String reason, Instant at, boolean late) {
    }

    /**
     * An appointment. {@code start} and {@code end} are written with the location's offset at that
     * instant ({@code 2027-03-01T09:00:00-07:00}): what the front desk's screen shows, same instant.
     */
    /**
     * {@code roomId}: the room the visit holds (null for a service that needs none);
     * {@code attentionReasons}: why a future visit needs the desk's attention (empty: it does not);
     * {@code offerExpiresAt}: for a waitlist offer, until when it holds the slot (null otherwise).
     */
    public record AppointmentView(UUID id, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                                  OffsetDateTime start, OffsetDateTime end, AppointmentStatus status,
                                  CancellationView cancellation, long version, UUID roomId,
                                  List<String> attentionReasons, UUID seriesId, OffsetDateTime offerExpiresAt,
                                  String deskNote) {
        /** A visit just placed: it passed every rule, so nothing needs attention. */
        static AppointmentView of(Appointment a, ZoneId zone) {
            return of(a, zone, List.of());
        }

        static AppointmentView of(Appointment a, ZoneId zone, List<String> attentionReasons) {
            CancellationView cancellation = a.status() == AppointmentStatus.CANCELLED
                    ? new CancellationView(a.cancelReason(), a.cancelledAt(), Boolean.TRUE.equals(a.cancelledLate()))
                    : null;
            return new AppointmentView(a.id(), a.patientId(), a.practitionerId(), a.serviceId(), a.locationId(),
                    local(a.start(), zone), local(a.end(), zone), a.status(), cancellation, a.version(), a.roomId(),
                    List.copyOf(attentionReasons), a.seriesId(),
                    a.offerExpiresAt() == null ? null : local(a.offerExpiresAt(), zone), a.deskNote());
        }
    }

    /**
     * An appointment in a list, with what a day view shows beside it: the patient's, the
     * practitioner's and the service's names, so a day of 30 visits is one call.
     */
    public record AppointmentListItem(UUID id, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                                      OffsetDateTime start, OffsetDateTime end, AppointmentStatus status,
                                      CancellationView cancellation, long version, UUID roomId,
                                      List<String> attentionReasons, UUID seriesId, OffsetDateTime offerExpiresAt,
                                      String deskNote, String patientName, String practitionerName, String serviceName) {
        static AppointmentListItem of(Appointment a, AppointmentRepository.Display display, List<String> reasons) {
            AppointmentView v = AppointmentView.of(a, display.zone(), reasons);
            return new AppointmentListItem(v.id(), v.patientId(), v.practitionerId(), v.serviceId(), v.locationId(),
                    v.start(), v.end(), v.status(), v.cancellation(), v.version(), v.roomId(), v.attentionReasons(),
                    // The desk's note is about the patient: withheld with their name (a hold outside the care circle).
                    v.seriesId(), v.offerExpiresAt(), display.patientName() == null ? null : v.deskNote(),
                    display.patientName(), display.practitionerName(),
                    display.serviceName());
        }
    }

    static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
