package com.needleclinic.treatment;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.DomainException;
import com.needleclinic.treatment.NeedlingRecord.AdverseEvent;
import com.needleclinic.treatment.NeedlingRecord.Side;
import com.needleclinic.treatment.NeedlingRecord.Site;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 5 at signing, without Quarkus: needles accounted for, consent on file, the right modality. */
class SigningPolicyTest {

    private static NeedlingRecord ims(int inserted, int removed) {
        return new NeedlingRecord(Modality.IMS, List.of(new Site("Gluteus medius", Side.LEFT, inserted, 40, true, 0)),
                inserted, removed, null, List.of(AdverseEvent.NONE));
    }

    private static String code(Runnable check) {
        try {
            check.run();
            return null;
        } catch (DomainException e) {
            return e.code();
        }
    }

    @Test
    void signs_when_every_needle_came_out_and_the_patient_consents() {
        assertThatNoException().isThrownBy(() -> SigningPolicy.check(ims(6, 6), Modality.IMS, true));
    }

    @Test
    void refuses_a_retained_needle_even_with_consent() {
        assertThatThrownBy(() -> SigningPolicy.check(ims(6, 5), Modality.IMS, true))
                .isInstanceOf(SigningPolicy.NeedleCountMismatchException.class)
                .hasMessageContaining("6 needles were inserted but 5 removed");
    }

    @Test
    void refuses_needling_without_consent_for_the_modality() {
        assertThat(code(() -> SigningPolicy.check(ims(6, 6), Modality.IMS, false)))
                .isEqualTo("consent-required");
    }

    @Test
    void the_needle_count_is_judged_before_consent() {
        assertThat(code(() -> SigningPolicy.check(ims(6, 5), Modality.IMS, false)))
                .isEqualTo("needle-count-mismatch");
    }

    @Test
    void a_service_without_a_modality_needs_no_consent_and_no_needling_record() {
        assertThatNoException().isThrownBy(() -> SigningPolicy.check(null, null, false));
        assertThatNoException().isThrownBy(() -> SigningPolicy.checkModality(null, null));
    }

    @Test
    void a_needling_record_must_name_the_services_modality() {
        assertThat(code(() -> SigningPolicy.checkModality(ims(6, 6), Modality.ACUPUNCTURE)))
                .isEqualTo("needling-modality-mismatch");
        assertThat(code(() -> SigningPolicy.checkModality(ims(6, 6), null)))
                .isEqualTo("needling-modality-mismatch");
        assertThatNoException().isThrownBy(() -> SigningPolicy.checkModality(ims(6, 6), Modality.IMS));
    }
}
