package com.needleclinic.treatment;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.catalog.CatalogService;
import com.needleclinic.patient.CareTeam;
import com.needleclinic.patient.ConsentService;
import com.needleclinic.practitioner.CertificationPolicy;
import com.needleclinic.practitioner.Modality;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.scheduling.AppointmentService;
import com.needleclinic.scheduling.InvalidTransitionException;
import com.needleclinic.scheduling.Visit;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import com.needleclinic.treatment.TreatmentDtos.AmendmentRequest;
import com.needleclinic.treatment.TreatmentDtos.NoteRequest;
import com.needleclinic.treatment.TreatmentDtos.NoteView;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.AMEND;
import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.SIGN;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;

/** Writing, signing, amending and reading treatment notes (rule 5, docs/rules.md). */
@ApplicationScoped
public class TreatmentNoteService {

    static final String RESOURCE = "TREATMENT_NOTE";

    private final TreatmentNoteRepository notes;
    private final AppointmentService appointments;
    private final CatalogService catalog;
    private final PractitionerService practitioners;
    private final ConsentService consents;
    private final CareTeam careTeam;
    private final AuditLog auditLog;
    private final Caller caller;
    private final Clock clock;
    private final Event<NoteSigned> signed;
    private final EventLog events;

    TreatmentNoteService(TreatmentNoteRepository notes, AppointmentService appointments, CatalogService catalog,
                         PractitionerService practitioners, ConsentService consents, CareTeam careTeam,
                         AuditLog auditLog, Caller caller, Clock clock, Event<NoteSigned> signed,
                         EventLog events) {
        this.events = events;
        this.notes = notes;
        this.appointments = appointments;
        this.catalog = catalog;
        this.practitioners = practitioners;
        this.consents = consents;
        this.careTeam = careTeam;
        this.auditLog = auditLog;
        this.caller = caller;
        this.clock = clock;
        this.signed = signed;
    }

    /**
     * Starts the note of an appointment: only its own practitioner, once the patient checked in or
     * the start has passed, never for a cancelled or missed visit, and only once.
     */
    @Transactional
    public Created<NoteView> create(UUID appointmentId, NoteRequest request) {
        UUID me = practitioner();
        Visit appointment = appointments.lockVisit(appointmentId);
        if (!appointment.practitionerId().equals(me)) {
            auditLog.recordDenied(AuditEntry.of(CREATE, RESOURCE, null, appointment.patientId()));
            throw new ResourceNotFoundException("Appointment", appointmentId);
        }
        appointments.requireNoteable(appointmentId, true);
        SigningPolicy.checkModality(request.needling(), catalog.require(appointment.serviceId()).modality());
        if (notes.existsForAppointment(appointmentId)) {
            throw noteExists();
        }
        TreatmentNote note = new TreatmentNote(appointmentId, appointment.patientId(), me, request.content());
        notes.persistAndFlush(note);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, note.id(), note.patientId()));
        Log.infof("Practitioner %s started note %s for appointment %s", me, note.id(), appointmentId);
        return new Created<>("/api/v1/treatment-notes/" + note.id(), note.version(), NoteView.of(note, List.of()));
    }

    /** The author and practitioners who treat the patient read notes; nobody else. */
    @Transactional
    public Versioned<NoteView> get(UUID id) {
        TreatmentNote note = readable(id, READ);
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, note.patientId()));
        return new Versioned<>(note.version(), NoteView.of(note, notes.amendments(id)));
    }

    /** The visit's note, to those who may read it; a visit without a note (yet) is a 404. */
    @Transactional
    public Versioned<NoteView> ofAppointment(UUID appointmentId) {
        TreatmentNote found = notes.forAppointment(appointmentId)
                .orElseThrow(() -> new ResourceNotFoundException("Treatment note of appointment", appointmentId));
        return get(found.id());
    }

    @Transactional
    public Versioned<NoteView> replace(UUID id, NoteRequest request, IfMatch ifMatch) {
        TreatmentNote note = authored(id, UPDATE);
        ifMatch.verify(note.version());
        note.requireDraft();
        Visit appointment = appointments.lockVisit(note.appointmentId());
        SigningPolicy.checkModality(request.needling(), catalog.require(appointment.serviceId()).modality());
        note.replace(request.content());
        notes.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, id, note.patientId()));
        return new Versioned<>(note.version(), NoteView.of(note, List.of()));
    }

    /**
     * Signs the note, completes the appointment and (through {@link NoteSigned}) bills it, all in
     * one transaction. The practitioner must still be certified for the modality that day.
     */
    @Transactional
    public Versioned<NoteView> sign(UUID id, IfMatch ifMatch) {
        TreatmentNote note = authored(id, SIGN);
        ifMatch.verify(note.version());
        note.requireDraft();
        Visit appointment = appointments.lockVisit(note.appointmentId());
        appointments.requireNoteable(appointment.id(), true); // signed only for a visit checked in or started
        Modality modality = catalog.require(appointment.serviceId()).modality();
        SigningPolicy.checkModality(note.needling(), modality);
        boolean consent = modality == null
                || consents.consents(appointment.patientId(), modality, appointment.localDate());
        SigningPolicy.check(note.needling(), modality, consent);
        CertificationPolicy.check(practitioners.require(note.practitionerId()), modality, appointment.localDate());
        note.sign(note.practitionerId(), clock.instant());
        appointments.complete(appointment.id());
        notes.flush();
        auditLog.record(AuditEntry.of(SIGN, RESOURCE, id, note.patientId()));
        events.emit(noteEvent(EventType.TREATMENT_NOTE_SIGNED, note));
        signed.fire(new NoteSigned(note.id(), appointment.id()));
        Log.infof("Note %s signed; appointment %s completed", id, appointment.id());
        return new Versioned<>(note.version(), NoteView.of(note, List.of()));
    }

    /** A note's events carry ids and when it was signed - never its text, needling details or an amendment's reason. */
    private EventEntry noteEvent(EventType type, TreatmentNote note) {
        return EventEntry.of(type, RESOURCE, note.id(), note.patientId(), new NoteEvent(note.id(), note.appointmentId(),
                note.patientId(), note.practitionerId(), note.signedAt(), clock.instant()));
    }

    record NoteEvent(UUID noteId, UUID appointmentId, UUID patientId, UUID practitionerId, java.time.Instant signedAt,
                     java.time.Instant changedAt) {
    }

    /** Corrections of a signed note are appended, never written over it. */
    @Transactional
    public Created<NoteView> amend(UUID id, AmendmentRequest request) {
        TreatmentNote note = authored(id, AMEND);
        if (note.status() != TreatmentNote.Status.SIGNED) {
            throw new InvalidTransitionException("A draft is corrected by replacing it; amendments are for signed notes");
        }
        notes.append(new Amendment(id, request.reason().strip(), request.text(), note.practitionerId(), clock.instant()));
        notes.flush();
        auditLog.record(AuditEntry.of(AMEND, RESOURCE, id, note.patientId()));
        events.emit(noteEvent(EventType.TREATMENT_NOTE_AMENDED, note));
        Log.infof("Note %s amended", id);
        return new Created<>("/api/v1/treatment-notes/" + id, note.version(), NoteView.of(note, notes.amendments(id)));
    }

    @Transactional
    public Page<NoteView> ofPatient(UUID patientId, PageRequest page) {
        UUID me = practitioner();
        if (!careTeam.treats(me, patientId)) {
            auditLog.recordDenied(AuditEntry.of(SEARCH, RESOURCE, null, patientId));
            throw new ResourceNotFoundException("Patient", patientId);
        }
        List<TreatmentNote> rows = notes.pageWhere("patientId", patientId, page.fetchOneMore());
        var amendments = notes.amendments(rows.stream().map(TreatmentNote::id).toList());
        Page<NoteView> result = page.toPage(rows, TreatmentNote::id,
                n -> NoteView.of(n, amendments.getOrDefault(n.id(), List.of())));
        auditLog.recordSearch(RESOURCE, patientId, result.items().stream()
                .map(n -> AuditEntry.of(SEARCH, RESOURCE, n.id(), patientId)).toList());
        return result;
    }

    private UUID practitioner() {
        return caller.requirePractitionerId();
    }

    private TreatmentNote find(UUID id) {
        return notes.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Treatment note", id));
    }

    private TreatmentNote authored(UUID id, AuditEntry.Action action) {
        TreatmentNote note = find(id);
        if (!note.practitionerId().equals(practitioner())) {
            auditLog.recordDenied(AuditEntry.of(action, RESOURCE, id, note.patientId()));
            throw new ResourceNotFoundException("Treatment note", id);
        }
        return note;
    }

    private TreatmentNote readable(UUID id, AuditEntry.Action action) {
        TreatmentNote note = find(id);
        UUID me = practitioner();
        if (!note.practitionerId().equals(me) && !careTeam.treats(me, note.patientId())) {
            auditLog.recordDenied(AuditEntry.of(action, RESOURCE, id, note.patientId()));
            throw new ResourceNotFoundException("Treatment note", id);
        }
        return note;
    }

    static ConflictException noteExists() {
        return new ConflictException("note-already-exists", "Note already exists",
                "This appointment already has a treatment note; replace the draft or amend the signed note");
    }
}
