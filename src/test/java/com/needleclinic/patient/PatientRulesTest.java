package com.needleclinic.patient;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static com.needleclinic.practitioner.Modality.ACUPUNCTURE;
import static com.needleclinic.practitioner.Modality.IMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which coverage pays on a date, and whether the patient consents to a modality on a date. */
class PatientRulesTest {

    private static final LocalDate D = LocalDate.of(2027, 3, 1);
    private static final Instant T0 = Instant.parse("2027-01-01T10:00:00Z");

    private final Patient patient = new Patient(new Patient.Demographics("Ada", "Lovelace", LocalDate.of(1990, 12, 10),
            null, null, null, null, null));

    private Coverage cover(LocalDate from, LocalDate until, Instant recordedAt) {
        return patient.addCoverage(new Coverage.Plan(UUID.randomUUID(), "POL-1", "M-1", Relationship.SELF, from, until),
                recordedAt);
    }

    @Nested
    class PayingCoverage {

        @Test
        void pays_on_the_first_and_last_valid_day() {
            Coverage coverage = cover(D, D.plusDays(30), T0);
            assertThat(patient.payingCoverageOn(D)).contains(coverage);
            assertThat(patient.payingCoverageOn(D.plusDays(30))).contains(coverage);
        }

        @Test
        void does_not_pay_the_day_before_or_after_its_period() {
            cover(D, D.plusDays(30), T0);
            assertThat(patient.payingCoverageOn(D.minusDays(1))).isEmpty();
            assertThat(patient.payingCoverageOn(D.plusDays(31))).isEmpty();
        }

        @Test
        void an_open_ended_coverage_keeps_paying() {
            Coverage coverage = cover(D, null, T0);
            assertThat(patient.payingCoverageOn(D.plusYears(20))).contains(coverage);
        }

        @Test
        void with_several_valid_the_earliest_recorded_pays() {
            Coverage later = cover(D.minusYears(1), null, T0.plusSeconds(60));
            Coverage first = cover(D, null, T0);
            assertThat(patient.payingCoverageOn(D)).contains(first);
            assertThat(patient.payingCoverageOn(D.minusDays(1))).contains(later);
        }

        @Test
        void no_coverage_no_payer() {
            assertThat(patient.payingCoverageOn(D)).isEmpty();
        }
    }

    @Nested
    class Consents {

        @Test
        void consent_holds_from_the_day_it_is_given() {
            patient.giveConsent(IMS, D);
            assertThat(patient.consentsTo(IMS, D)).isTrue();
            assertThat(patient.consentsTo(IMS, D.minusDays(1))).isFalse();
        }

        @Test
        void consent_holds_until_the_day_before_withdrawal() {
            patient.giveConsent(IMS, D).withdraw(D.plusDays(10));
            assertThat(patient.consentsTo(IMS, D.plusDays(9))).isTrue();
            assertThat(patient.consentsTo(IMS, D.plusDays(10))).isFalse();
            assertThat(patient.consentsTo(IMS, D.plusDays(11))).isFalse();
        }

        @Test
        void consent_to_one_modality_is_not_consent_to_another() {
            patient.giveConsent(ACUPUNCTURE, D);
            assertThat(patient.consentsTo(IMS, D)).isFalse();
            assertThat(patient.consentsTo(ACUPUNCTURE, D)).isTrue();
        }

        @Test
        void a_new_consent_after_a_withdrawal_counts_again() {
            patient.giveConsent(IMS, D).withdraw(D.plusDays(1));
            patient.giveConsent(IMS, D.plusDays(5));
            assertThat(patient.consentsTo(IMS, D.plusDays(3))).isFalse();
            assertThat(patient.consentsTo(IMS, D.plusDays(5))).isTrue();
        }

        @Test
        void withdrawing_twice_is_refused() {
            Consent consent = patient.giveConsent(IMS, D);
            consent.withdraw(D.plusDays(1));
            assertThatThrownBy(() -> consent.withdraw(D.plusDays(2)))
                    .extracting("code").isEqualTo("consent-already-withdrawn");
        }

        @Test
        void withdrawal_before_the_consent_was_given_is_refused() {
            Consent consent = patient.giveConsent(IMS, D);
            assertThatThrownBy(() -> consent.withdraw(D.minusDays(1))).extracting("code").isEqualTo("validation-failed");
            assertThat(consent.withdrawnOn()).isNull();
        }

        @Test
        void withdrawal_on_the_day_it_was_given_is_allowed_and_voids_that_day() {
            patient.giveConsent(IMS, D).withdraw(D);
            assertThat(patient.consentsTo(IMS, D)).isFalse();
        }
    }
}
