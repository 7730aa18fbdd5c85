package com.needleclinic.treatment;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** A correction appended to a signed note: who, when, why and what. Never changed once written. */
@Entity
@Table(name = "treatment_note_amendment")
@Immutable
public class Amendment {

    @Id
    private UUID id;
    @Column(name = "note_id")
    private UUID noteId;
    private String reason;
    private String text;
    private Instant at;
    private UUID by;

    protected Amendment() {
    }

    Amendment(UUID noteId, String reason, String text, UUID by, Instant at) {
        this.id = Ids.newId();
        this.noteId = noteId;
        this.reason = reason;
        this.text = text;
        this.by = by;
        this.at = at;
    }

    UUID noteId() {
        return noteId;
    }

    public UUID id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    public String text() {
        return text;
    }

    public Instant at() {
        return at;
    }

    public UUID by() {
        return by;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amendment other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Amendment[" + id + "]";
    }
}
