package com.needleclinic.practitioner;

import com.needleclinic.location.Province;

import java.time.LocalDate;

/** {@code aPractitioner().certifiedFor(IMS).from(date).until(date).build()} */
public final class PractitionerBuilder {

    private final Practitioner practitioner = new Practitioner(new Practitioner.Profile(
            "Chan", "Gunn", Discipline.PHYSIOTHERAPIST, "PT-1", "CPTBC", Province.BC));
    private Modality modality;
    private LocalDate from = LocalDate.of(2027, 1, 1);
    private LocalDate until;
    private CertificationStatus status = CertificationStatus.ACTIVE;

    public static PractitionerBuilder aPractitioner() {
        return new PractitionerBuilder();
    }

    public PractitionerBuilder certifiedFor(Modality certified) {
        flush();
        this.modality = certified;
        this.from = LocalDate.of(2027, 1, 1);
        this.until = null;
        this.status = CertificationStatus.ACTIVE;
        return this;
    }

    public PractitionerBuilder from(LocalDate date) {
        this.from = date;
        return this;
    }

    public PractitionerBuilder until(LocalDate date) {
        this.until = date;
        return this;
    }

    public PractitionerBuilder withStatus(CertificationStatus newStatus) {
        this.status = newStatus;
        return this;
    }

    public PractitionerBuilder inactive() {
        practitioner.deactivate();
        return this;
    }

    public Practitioner build() {
        flush();
        return practitioner;
    }

    private void flush() {
        if (modality != null) {
            practitioner.certify(modality, new Certification.Credential("iSTOP", "C-1", from, until), status);
            modality = null;
        }
    }
}
