package com.needleclinic.scheduling;

import com.needleclinic.scheduling.AppointmentSeries.OnConflict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for courses (appointment series). */
public final class SeriesDtos {

    private SeriesDtos() {
    }

    public record SeriesRequest(@NotNull UUID patientId, @NotNull UUID practitionerId, @NotNull UUID serviceId,
                                @NotNull UUID locationId, @NotNull OffsetDateTime firstStart,
                                @NotNull @Valid Repeat repeat, OnConflict onConflict) {
        public SeriesRequest {
            onConflict = onConflict == null ? OnConflict.REJECT_ALL : onConflict;
        }
    }

    /** Every {@code intervalWeeks} weeks, {@code count} times or {@code until} a date (inclusive): one of the two. */
    public record Repeat(@NotNull @Min(1) @Max(4) Integer intervalWeeks, @Min(2) @Max(52) Integer count,
                         LocalDate until) {
        @AssertTrue(message = "give either count or until")
        private boolean isCountOrUntil() {
            return (count == null) != (until == null);
        }
    }

    public record CancelSeriesRequest(@NotBlank @Size(max = 500) String reason, @NotNull OffsetDateTime fromStart) {
    }

    /** Why an occurrence was not booked: the code and detail a single booking would have answered. */
    /** Why an occurrence is not booked; {@code blockingAppointmentId}: the visit in its way, for an overlap. */
    public record OccurrenceProblem(String code, String detail, UUID blockingAppointmentId) {
    }

    /** One visit of the course: booked (its appointment and status) or not (its problem). */
    public record Occurrence(OffsetDateTime start, UUID appointmentId, AppointmentStatus status, OccurrenceProblem problem) {
    }

    public record SeriesView(UUID id, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                             OffsetDateTime firstStart, RepeatView repeat, OnConflict onConflict,
                             List<Occurrence> occurrences) {
    }

    public record RepeatView(int intervalWeeks, Integer count, LocalDate until) {
    }
}
