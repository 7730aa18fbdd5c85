package com.needleclinic.scheduling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 4 (lifecycle), the late-cancel line and rule 5's visit checks, on a pinned clock. */
class AppointmentRulesTest {

    private static final Instant START = Instant.parse("2027-03-15T16:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2027-03-10T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant AFTER_START = START.plusSeconds(60);

    private static Appointment booked() {
        return new Appointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Appointment.Slot(START, START.plus(Duration.ofMinutes(30)), LocalDate.of(2027, 3, 15)));
    }

    private static final Instant OFFER_ENDS = NOW.instant().plus(Duration.ofMinutes(15));

    private static Appointment held() {
        return Appointment.hold(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Appointment.Slot(START, START.plus(Duration.ofMinutes(30)), LocalDate.of(2027, 3, 15)), OFFER_ENDS);
    }

    private static Appointment in(AppointmentStatus status) {
        Appointment appointment = status == AppointmentStatus.HELD ? held() : booked();
        switch (status) {
            case HELD -> { }
            case BOOKED -> { }
            case CHECKED_IN -> appointment.checkIn(START.minusSeconds(60), ZoneOffset.UTC);
            case COMPLETED -> appointment.complete();
            case CANCELLED -> appointment.cancel("Patient unwell", NOW.instant());
            case NO_SHOW -> appointment.markNoShow(AFTER_START);
            default -> throw new IllegalArgumentException(status.name());
        }
        assertThat(appointment.status()).isEqualTo(status);
        return appointment;
    }

    /** Each move and the statuses it may start from (API.md rule 4; completing is rule 5's signing). */
    private static final Map<String, Set<AppointmentStatus>> ALLOWED_FROM = Map.of(
            "checkIn", Set.of(AppointmentStatus.BOOKED),
            "reschedule", Set.of(AppointmentStatus.BOOKED),
            "cancel", Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN),
            "noShow", Set.of(AppointmentStatus.BOOKED),
            "complete", Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN));

    private static final Map<String, Consumer<Appointment>> MOVES = Map.of(
            "checkIn", a -> a.checkIn(START.minusSeconds(60), ZoneOffset.UTC),
            "reschedule", a -> a.reschedule(new Appointment.Slot(START.plusSeconds(3600), START.plusSeconds(5400),
                    LocalDate.of(2027, 3, 15))),
            "cancel", a -> a.cancel("Patient unwell", NOW.instant()),
            "noShow", a -> a.markNoShow(AFTER_START),
            "complete", Appointment::complete);

    @ParameterizedTest
    @EnumSource(AppointmentStatus.class)
    void every_move_is_allowed_exactly_from_the_statuses_rule_4_names(AppointmentStatus from) {
        MOVES.forEach((move, apply) -> {
            Appointment appointment = in(from);
            if (ALLOWED_FROM.get(move).contains(from)) {
                assertThatNoException().as(move + " from " + from).isThrownBy(() -> apply.accept(appointment));
            } else {
                assertThatThrownBy(() -> apply.accept(appointment)).as(move + " from " + from)
                        .isInstanceOf(InvalidTransitionException.class);
                assertThat(appointment.status()).as("unchanged after a refused " + move).isEqualTo(from);
            }
        });
    }

    @Test
    void check_in_opens_two_hours_before_the_start_on_the_visits_own_day() {
        Instant opens = START.minus(Duration.ofHours(2));
        assertThatThrownBy(() -> booked().checkIn(opens.minusSeconds(1), ZoneOffset.UTC))
                .isInstanceOf(Appointment.CheckInNotOpenException.class);
        Appointment onTime = booked();
        onTime.checkIn(opens, ZoneOffset.UTC);
        assertThat(onTime.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        Appointment late = booked();
        late.checkIn(Instant.parse("2027-03-15T23:59:59Z"), ZoneOffset.UTC);
        assertThat(late.status()).isEqualTo(AppointmentStatus.CHECKED_IN);
        assertThatThrownBy(() -> booked().checkIn(Instant.parse("2027-03-16T00:00:00Z"), ZoneOffset.UTC))
                .isInstanceOf(Appointment.CheckInNotOpenException.class);
        // 16:00Z is 09:00 in Vancouver; at 23:30 local the day before it is already 06:30Z on the 15th
        assertThatThrownBy(() -> booked().checkIn(Instant.parse("2027-03-15T06:30:00Z"), java.time.ZoneId.of("America/Vancouver")))
                .isInstanceOf(Appointment.CheckInNotOpenException.class);
    }

    @Test
    void a_cancellation_exactly_24_hours_before_the_start_is_not_late() {
        Appointment appointment = booked();
        appointment.cancel("Patient unwell", START.minus(Duration.ofHours(24)));
        assertThat(appointment.cancelledLate()).isFalse();
    }

    @Test
    void a_cancellation_one_second_inside_24_hours_is_late() {
        Appointment appointment = booked();
        appointment.cancel("Patient unwell", START.minus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(appointment.cancelledLate()).isTrue();
        assertThat(appointment.cancelledAt()).isEqualTo(START.minus(Duration.ofHours(24)).plusSeconds(1));
    }

    @Test
    void a_no_show_is_marked_from_the_start_on_never_before() {
        assertThatThrownBy(() -> booked().markNoShow(START.minusSeconds(1)))
                .isInstanceOf(InvalidTransitionException.class);
        Appointment appointment = booked();
        appointment.markNoShow(START);
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.NO_SHOW);
    }

    @Test
    void a_note_is_started_once_the_visit_began_or_the_patient_checked_in() {
        assertThatThrownBy(() -> booked().requireUnderway(START.minusSeconds(1)))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatNoException().isThrownBy(() -> booked().requireUnderway(START));
        assertThatNoException().isThrownBy(() -> in(AppointmentStatus.CHECKED_IN).requireUnderway(NOW.instant()));
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"CANCELLED", "NO_SHOW", "HELD"})
    void no_note_is_written_for_a_visit_that_did_not_happen(AppointmentStatus status) {
        assertThatThrownBy(() -> in(status).requireNoteable()).isInstanceOf(InvalidTransitionException.class);
    }

    @ParameterizedTest
    @EnumSource(value = AppointmentStatus.class, names = {"BOOKED", "CHECKED_IN", "COMPLETED"})
    void a_note_may_be_written_for_a_visit_that_happens(AppointmentStatus status) {
        assertThatNoException().isThrownBy(() -> in(status).requireNoteable());
    }

    @Test
    void an_offer_is_accepted_up_to_the_second_before_it_expires_and_never_after() {
        Appointment taken = held();
        taken.accept(OFFER_ENDS.minusSeconds(1));
        assertThat(taken.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(taken.offerExpiresAt()).isEqualTo(OFFER_ENDS);

        Appointment late = held();
        assertThatThrownBy(() -> late.accept(OFFER_ENDS)).isInstanceOf(OfferExpiredException.class);
        assertThat(late.status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(late.heldPast(OFFER_ENDS)).isTrue();
        assertThat(late.heldPast(OFFER_ENDS.minusNanos(1000))).isFalse();
    }

    @Test
    void a_released_offer_is_cancelled_never_late_and_cannot_be_accepted_afterwards() {
        Appointment declined = held();
        declined.release("Waitlist offer declined", NOW.instant());
        assertThat(declined.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(declined.cancelledLate()).isFalse();
        assertThatThrownBy(() -> declined.accept(NOW.instant())).isInstanceOf(OfferExpiredException.class);
        assertThatThrownBy(() -> declined.release("again", NOW.instant())).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> booked().accept(NOW.instant())).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void a_visit_replaced_from_the_waitlist_is_cancelled_never_late_even_an_hour_ahead() {
        Appointment replaced = booked();
        replaced.cancelReplaced("Replaced by an earlier visit from the waitlist", START.minus(Duration.ofHours(1)));
        assertThat(replaced.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(replaced.cancelledLate()).isFalse();
        assertThatThrownBy(() -> in(AppointmentStatus.CHECKED_IN).cancelReplaced("x", NOW.instant()))
                .isInstanceOf(InvalidTransitionException.class);
    }
}
