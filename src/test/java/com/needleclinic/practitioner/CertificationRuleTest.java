package com.needleclinic.practitioner;

import com.needleclinic.practitioner.CertificationPolicy.PractitionerInactiveException;
import com.needleclinic.practitioner.CertificationPolicy.PractitionerNotCertifiedException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.needleclinic.practitioner.Modality.ACUPUNCTURE;
import static com.needleclinic.practitioner.Modality.DRY_NEEDLING;
import static com.needleclinic.practitioner.Modality.IMS;
import static com.needleclinic.practitioner.PractitionerBuilder.aPractitioner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** "May this practitioner perform modality M on local date D?" at every boundary. */
class CertificationRuleTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2027, 12, 31);

    private final Practitioner certified = aPractitioner().certifiedFor(IMS).from(FIRST_DAY).until(LAST_DAY).build();

    @Test
    void may_perform_on_the_first_valid_day() {
        assertThat(certified.mayPerform(IMS, FIRST_DAY)).isTrue();
    }

    @Test
    void may_perform_on_the_last_valid_day() {
        assertThat(certified.mayPerform(IMS, LAST_DAY)).isTrue();
    }

    @Test
    void may_not_perform_the_day_before_the_certification_is_valid() {
        assertThat(certified.mayPerform(IMS, FIRST_DAY.minusDays(1))).isFalse();
    }

    @Test
    void may_not_perform_the_day_after_the_certification_expires() {
        assertThat(certified.mayPerform(IMS, LAST_DAY.plusDays(1))).isFalse();
    }

    @Test
    void an_open_ended_certification_never_expires() {
        Practitioner openEnded = aPractitioner().certifiedFor(IMS).from(FIRST_DAY).build();
        assertThat(openEnded.mayPerform(IMS, LocalDate.of(2099, 1, 1))).isTrue();
    }

    @Test
    void may_not_perform_while_the_certification_is_suspended() {
        Practitioner suspended = aPractitioner().certifiedFor(IMS).from(FIRST_DAY)
                .withStatus(CertificationStatus.SUSPENDED).build();
        assertThat(suspended.mayPerform(IMS, FIRST_DAY)).isFalse();
    }

    @Test
    void may_not_perform_with_a_revoked_certification() {
        Practitioner revoked = aPractitioner().certifiedFor(IMS).from(FIRST_DAY)
                .withStatus(CertificationStatus.REVOKED).build();
        assertThat(revoked.mayPerform(IMS, FIRST_DAY)).isFalse();
    }

    @Test
    void a_certification_for_another_modality_does_not_count() {
        Practitioner acupuncturist = aPractitioner().certifiedFor(ACUPUNCTURE).from(FIRST_DAY).build();
        assertThat(acupuncturist.mayPerform(IMS, FIRST_DAY)).isFalse();
        assertThat(acupuncturist.mayPerform(DRY_NEEDLING, FIRST_DAY)).isFalse();
        assertThat(acupuncturist.mayPerform(ACUPUNCTURE, FIRST_DAY)).isTrue();
    }

    @Test
    void any_one_valid_certification_is_enough() {
        Practitioner renewed = aPractitioner()
                .certifiedFor(IMS).from(LocalDate.of(2026, 1, 1)).until(LocalDate.of(2026, 12, 31))
                .certifiedFor(IMS).from(LocalDate.of(2027, 1, 1)).build();
        assertThat(renewed.mayPerform(IMS, LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(renewed.mayPerform(IMS, LocalDate.of(2027, 6, 1))).isTrue();
    }

    @Test
    void an_inactive_practitioner_may_perform_nothing() {
        Practitioner inactive = aPractitioner().certifiedFor(IMS).from(FIRST_DAY).inactive().build();
        assertThat(inactive.isCertifiedFor(IMS, FIRST_DAY)).isTrue();
        assertThat(inactive.mayPerform(IMS, FIRST_DAY)).isFalse();
    }

    @Test
    void policy_rejects_booking_when_certification_expires_before_the_visit() {
        assertThatThrownBy(() -> CertificationPolicy.check(certified, IMS, LAST_DAY.plusDays(1)))
                .isInstanceOf(PractitionerNotCertifiedException.class)
                .extracting("code").isEqualTo("practitioner-not-certified");
    }

    @Test
    void policy_rejects_an_inactive_practitioner_first() {
        Practitioner inactive = aPractitioner().certifiedFor(IMS).from(FIRST_DAY).inactive().build();
        assertThatThrownBy(() -> CertificationPolicy.check(inactive, IMS, FIRST_DAY))
                .isInstanceOf(PractitionerInactiveException.class)
                .extracting("code").isEqualTo("practitioner-inactive");
    }

    @Test
    void policy_lets_any_active_practitioner_book_a_service_without_modality() {
        Practitioner uncertified = aPractitioner().build();
        assertThatNoException().isThrownBy(() -> CertificationPolicy.check(uncertified, null, FIRST_DAY));
    }

    @Test
    void credential_refuses_an_end_before_its_start() {
        assertThatThrownBy(() -> new Certification.Credential("iSTOP", "C", FIRST_DAY, FIRST_DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
