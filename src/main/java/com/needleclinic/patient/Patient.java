package com.needleclinic.patient;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A person the clinic treats, with their insurance coverages and needling consents. */
@Entity
public class Patient {

    @Id
    private UUID id;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;
    private String email;
    private String phone;
    @Column(name = "search_name", insertable = false, updatable = false)
    private String searchName;
    @Version
    private long version;
    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL)
    private List<Coverage> coverages = new ArrayList<>();
    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL)
    private List<Consent> consents = new ArrayList<>();

    protected Patient() {
    }

    Patient(Demographics demographics) {
        this.id = Ids.newId();
        update(demographics);
    }

    /** Who the patient is and how to reach them. */
    record Demographics(String firstName, String lastName, LocalDate dateOfBirth, String email, String phone) {
    }

    void update(Demographics d) {
        this.firstName = d.firstName().strip();
        this.lastName = d.lastName().strip();
        this.dateOfBirth = d.dateOfBirth();
        this.email = blankToNull(d.email());
        this.phone = blankToNull(d.phone());
    }

    Coverage addCoverage(Coverage.Plan plan, Instant now) {
        Coverage coverage = new Coverage(this, plan, now);
        coverages.add(coverage);
        return coverage;
    }

    Consent giveConsent(Modality modality, LocalDate givenOn) {
        Consent consent = new Consent(this, modality, givenOn);
        consents.add(consent);
        return consent;
    }

    /**
     * The coverage that pays for a service on {@code date}: one valid that day; when several are,
     * the one recorded first (the primary plan, by the clinic's coordination-of-benefits habit).
     */
    public Optional<Coverage> payingCoverageOn(LocalDate date) {
        return coverages.stream().filter(c -> c.isValidOn(date))
                .min(Comparator.comparing(Coverage::createdAt).thenComparing(Coverage::id));
    }

    /** Does the patient consent to {@code modality} on {@code date}? */
    public boolean consentsTo(Modality modality, LocalDate date) {
        return consents.stream().anyMatch(c -> c.covers(modality, date));
    }

    public UUID id() {
        return id;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public long version() {
        return version;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Patient other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Ids only: names and contact details never reach a log. */
    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
