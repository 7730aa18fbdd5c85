package com.needleclinic.insurer;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

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
