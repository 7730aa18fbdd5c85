package com.needleclinic.practitioner;

import com.needleclinic.location.Province;
import com.needleclinic.shared.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A regulated health professional who treats patients, with the needling certifications they hold. */
@Entity
public class Practitioner {

    @Id
    private UUID id;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Enumerated(EnumType.STRING)
    private Discipline discipline;
    @Column(name = "registration_number")
    private String registrationNumber;
    @Column(name = "registration_body")
    private String registrationBody;
    @Enumerated(EnumType.STRING)
    private Province province;
    private boolean active;
    @Version
    private long version;
    @OneToMany(mappedBy = "practitioner", cascade = CascadeType.ALL)
    private List<Certification> certifications = new ArrayList<>();
    /** The identity-provider subject that acts as this practitioner: none or one (identity_link). */
    @ElementCollection
    @CollectionTable(name = "identity_link", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "subject")
    @BatchSize(size = 100)
    private Set<String> identitySubjects = new HashSet<>();

    protected Practitioner() {
    }

    Practitioner(Profile profile) {
        this.id = Ids.newId();
        this.active = true;
        update(profile);
    }

    /** Who the practitioner is and where they are registered. */
    record Profile(String firstName, String lastName, Discipline discipline, String registrationNumber,
                   String registrationBody, Province province) {
    }

    void update(Profile profile) {
        this.firstName = profile.firstName().strip();
        this.lastName = profile.lastName().strip();
        this.discipline = profile.discipline();
        this.registrationNumber = profile.registrationNumber().strip();
        this.registrationBody = profile.registrationBody().strip();
        this.province = profile.province();
    }

    /** Links the token subject that acts as this practitioner, replacing any before; null unlinks. */
    void linkIdentity(String subject) {
        String linked = subject == null ? null : subject.strip();
        if (linked == null ? identitySubjects.isEmpty() : identitySubjects.equals(Set.of(linked))) {
            return;
        }
        identitySubjects.clear();
        if (linked != null) {
            identitySubjects.add(linked);
        }
    }

    void activate() {
        this.active = true;
    }

    /** An inactive practitioner keeps their history but takes no new bookings. */
    void deactivate() {
        this.active = false;
    }

    Certification certify(Modality modality, Certification.Credential credential, CertificationStatus status) {
        Certification certification = new Certification(this, modality, credential, status);
        certifications.add(certification);
        return certification;
    }

    /**
     * May this practitioner perform {@code modality} on the local date {@code date}? Only an active
     * practitioner with an ACTIVE certification of that modality valid that day may: needling
     * without one is a regulated offence.
     */
    public boolean mayPerform(Modality modality, LocalDate date) {
        return active && isCertifiedFor(modality, date);
    }

    public boolean isCertifiedFor(Modality modality, LocalDate date) {
        return certifications.stream().anyMatch(c -> c.covers(modality, date));
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

    public Discipline discipline() {
        return discipline;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String registrationBody() {
        return registrationBody;
    }

    public Province province() {
        return province;
    }

    /** The linked identity-provider subject, or null. */
    public String identitySubject() {
        return identitySubjects.stream().findFirst().orElse(null);
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }

    public List<Certification> certifications() {
        return List.copyOf(certifications);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Practitioner other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Practitioner[" + id + "]";
    }
}
