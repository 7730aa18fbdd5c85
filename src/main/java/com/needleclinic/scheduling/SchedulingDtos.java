package com.needleclinic.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
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

    public record SlotView(UUID practitionerId, Instant start, Instant end) {
    }

    public record BookAppointmentRequest(@NotNull UUID patientId, @NotNull UUID practitionerId,
                                         @NotNull UUID serviceId, @NotNull UUID locationId,
                                         @NotNull OffsetDateTime start) {
    }

    public record RescheduleRequest(@NotNull OffsetDateTime start) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record CancellationView(String reason, Instant at, boolean late) {
    }

    public record AppointmentView(UUID id, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                                  Instant start, Instant end, AppointmentStatus status, CancellationView cancellation,
                                  long version) {
        static AppointmentView of(Appointment a) {
            CancellationView cancellation = a.status() == AppointmentStatus.CANCELLED
                    ? new CancellationView(a.cancelReason(), a.cancelledAt(), Boolean.TRUE.equals(a.cancelledLate()))
                    : null;
            return new AppointmentView(a.id(), a.patientId(), a.practitionerId(), a.serviceId(), a.locationId(),
                    a.start(), a.end(), a.status(), cancellation, a.version());
        }
    }
}
