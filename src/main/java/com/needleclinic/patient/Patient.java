package com.needleclinic.patient;

import com.needleclinic.location.Province;
import com.needleclinic.patient.PatientDtos.Address;
import com.needleclinic.patient.PatientDtos.EmergencyContact;
import com.needleclinic.patient.PatientDtos.HealthNumber;
import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    @Column(name = "address_city")
    private String addressCity;
    @Enumerated(EnumType.STRING)
    @Column(name = "address_province")
    private Province addressProvince;
    @Column(name = "address_postal_code")
    private String addressPostalCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "health_number_province")
    private Province healthNumberProvince;
    @Column(name = "health_number")
    private String healthNumber;
    @Column(name = "emergency_contact_name")
    private String emergencyContactName;
    @Column(name = "emergency_contact_phone")
    private String emergencyContactPhone;
    @Column(name = "emergency_contact_relationship")
    private String emergencyContactRelationship;
    @Column(name = "search_name", insertable = false, updatable = false)
    private String searchName;
    @Column(name = "phone_e164", insertable = false, updatable = false)
    private String phoneE164;
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

    /** Who the patient is and how to reach them; the parts already normalised (PatientDtos). */
    record Demographics(String firstName, String lastName, LocalDate dateOfBirth, String email, String phone,
                        Address address, HealthNumber healthNumber, EmergencyContact emergencyContact) {
    }

    void update(Demographics d) {
        this.firstName = d.firstName().strip();
        this.lastName = d.lastName().strip();
        this.dateOfBirth = d.dateOfBirth();
        this.email = blankToNull(d.email());
        this.phone = blankToNull(d.phone());
        Address a = d.address();
        this.addressLine1 = a == null ? null : a.line1();
        this.addressLine2 = a == null ? null : a.line2();
        this.addressCity = a == null ? null : a.city();
        this.addressProvince = a == null ? null : a.province();
        this.addressPostalCode = a == null ? null : a.postalCode();
        this.healthNumberProvince = d.healthNumber() == null ? null : d.healthNumber().province();
        this.healthNumber = d.healthNumber() == null ? null : d.healthNumber().number();
        EmergencyContact e = d.emergencyContact();
        this.emergencyContactName = e == null ? null : e.name();
        this.emergencyContactPhone = e == null ? null : e.phone();
        this.emergencyContactRelationship = e == null ? null : e.relationship();
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

    public Address address() {
        return addressLine1 == null ? null
                : new Address(addressLine1, addressLine2, addressCity, addressProvince, addressPostalCode);
    }

    public HealthNumber healthNumber() {
        return healthNumber == null ? null : new HealthNumber(healthNumberProvince, healthNumber);
    }

    public EmergencyContact emergencyContact() {
        return emergencyContactName == null ? null
                : new EmergencyContact(emergencyContactName, emergencyContactPhone, emergencyContactRelationship);
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
