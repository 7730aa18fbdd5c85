package com.needleclinic.insurer;

import com.needleclinic.shared.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An extended-health insurer that pulls direct-billing claims; {@code code} is its short, unique handle. */
@Entity
public class Insurer {

    @Id
    private UUID id;
    private String name;
    private String code;
    @Version
    private long version;
    /** The identity-provider subjects of its API clients, each acting as this insurer (identity_link). */
    @ElementCollection
    @CollectionTable(name = "identity_link", joinColumns = @JoinColumn(name = "insurer_id"))
    @Column(name = "subject")
    @BatchSize(size = 100)
    private Set<String> clientSubjects = new HashSet<>();

    protected Insurer() {
    }

    Insurer(String name, String code) {
        this.id = Ids.newId();
        update(name, code);
    }

    void update(String newName, String newCode) {
        this.name = newName.strip();
        this.code = newCode.strip();
    }

    /** Replaces the linked client subjects with {@code subjects}. */
    void linkClients(Collection<String> subjects) {
        Set<String> linked = new HashSet<>();
        subjects.forEach(s -> linked.add(s.strip()));
        clientSubjects.retainAll(linked);
        clientSubjects.addAll(linked);
    }

    /** The linked client subjects, sorted. */
    public List<String> clientSubjects() {
        return clientSubjects.stream().sorted().toList();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String code() {
        return code;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Insurer other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Insurer[" + id + "]";
    }
}
