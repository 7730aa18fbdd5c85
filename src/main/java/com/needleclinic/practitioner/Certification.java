package com.needleclinic.practitioner;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A credential to perform one needling modality, issued by a body (a college or a course
 * provider such as iSTOP for Gunn IMS) for an inclusive validity period.
 */
@Entity
public class Certification {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practitioner_id")
    private Practitioner practitioner;
    @Enumerated(EnumType.STRING)
    private Modality modality;
    @Column(name = "issuing_body")
    private String issuingBody;
    @Column(name = "credential_number")
    private String credentialNumber;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    private CertificationStatus status;
    @Version
    private long version;

    protected Certification() {
    }

    Certification(Practitioner practitioner, Modality modality, Credential credential, CertificationStatus status) {
        this.id = Ids.newId();
        this.practitioner = practitioner;
        this.modality = modality;
        update(credential, status);
    }

    /** The issuer's facts about the credential. */
    record Credential(String issuingBody, String credentialNumber, LocalDate validFrom, LocalDate validUntil) {
        Credential {
            if (validUntil != null && validUntil.isBefore(validFrom)) {
                throw new IllegalArgumentException("validUntil before validFrom");
            }
        }
    }

    void update(Credential credential, CertificationStatus newStatus) {
        this.issuingBody = credential.issuingBody().strip();
        this.credentialNumber = credential.credentialNumber().strip();
        this.validFrom = credential.validFrom();
        this.validUntil = credential.validUntil();
        this.status = newStatus;
    }

    /** Whether this credential authorises {@code wanted} on the local date {@code date}. */
    public boolean covers(Modality wanted, LocalDate date) {
        return terms().covers(wanted, date);
    }

    public CertificationTerms terms() {
        return new CertificationTerms(modality, status, validFrom, validUntil);
    }

    public UUID id() {
        return id;
    }

    Practitioner practitioner() {
        return practitioner;
    }

    public Modality modality() {
        return modality;
    }

    public String issuingBody() {
        return issuingBody;
    }

    public String credentialNumber() {
        return credentialNumber;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public CertificationStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certification other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Certification[" + id + ", " + modality + ", " + status + "]";
    }
}
