package com.needleclinic.waitlist;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.catalog.CatalogService;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.location.LocationService;
import com.needleclinic.patient.PatientService;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.scheduling.HoldService;
import com.needleclinic.scheduling.InvalidTransitionException;
import com.needleclinic.scheduling.OfferExpiredException;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentView;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import com.needleclinic.waitlist.WaitlistDtos.OfferView;
import com.needleclinic.waitlist.WaitlistDtos.WaitlistEntryView;
import com.needleclinic.waitlist.WaitlistDtos.WaitlistRequest;
import com.needleclinic.waitlist.WaitlistRepository.WaitlistFilter;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;
import static com.needleclinic.shared.InvalidRequestException.referenced;

/** The waitlist as the front desk works it: entries, and the answers to offers (docs/rules.md, "Waitlist and offers"). */
@ApplicationScoped
public class WaitlistService {

    static final String RESOURCE = "WAITLIST_ENTRY";

    private final WaitlistRepository entries;
    private final WaitlistOfferRepository offers;
    private final HoldService holds;
    private final PatientService patients;
    private final CatalogService catalog;
    private final LocationService locations;
    private final PractitionerService practitioners;
    private final AuditLog auditLog;
    private final EventLog events;
    private final Clock clock;

    private final WaitlistOpenings openings;

    WaitlistService(WaitlistRepository entries, WaitlistOfferRepository offers, HoldService holds,
                    PatientService patients, CatalogService catalog, LocationService locations,
                    PractitionerService practitioners, AuditLog auditLog, EventLog events, Clock clock,
                    WaitlistOpenings openings) {
        this.openings = openings;
        this.entries = entries;
        this.offers = offers;
        this.holds = holds;
        this.patients = patients;
        this.catalog = catalog;
        this.locations = locations;
        this.practitioners = practitioners;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A patient joins the waitlist. The window must still be open; an entry that replaces a visit
     * names the patient's own booked visit and waits only for time before it ("move me earlier").
     */
    @Transactional
    public Created<WaitlistEntryView> create(WaitlistRequest request) {
        referenced("patientId", () -> patients.require(request.patientId()));
        referenced("serviceId", () -> catalog.require(request.serviceId()));
        referenced("locationId", () -> locations.require(request.locationId()));
        if (request.practitionerId() != null) {
            referenced("practitionerId", () -> practitioners.require(request.practitionerId()));
        }
        Instant latest = request.latest().toInstant();
        if (!latest.isAfter(clock.instant())) {
            throw new InvalidRequestException("latest", "must be in the future");
        }
        if (request.replacesAppointmentId() != null
                && latest.isAfter(holds.replaceable(request.replacesAppointmentId(), request.patientId()))) {
            throw new InvalidRequestException("latest", "must not be after the start of the visit it replaces");
        }
        WaitlistEntry entry = new WaitlistEntry(request.patientId(), request.serviceId(), request.locationId(),
                request.practitionerId(), request.earliest().toInstant(), latest, request.priorityOrDefault(),
                request.replacesAppointmentId(), clock.instant());
        entries.persist(entry);
        entries.flush();
        openings.entered(entry, clock.instant());
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, entry.id(), entry.patientId()));
        Log.infof("Waitlist entry %s (%s)", entry.id(), entry.priority());
        return new Created<>("/api/v1/waitlist/" + entry.id(), entry.version(), view(entry));
    }

    /** A replayed creation sends the entry again: audited as a read of its patient. */
    public Idempotency.Guard replayAudit(WaitlistRequest request) {
        return new Idempotency.Guard() {
            @Override
            public void replayed(String location) {
                auditLog.record(AuditEntry.of(READ, RESOURCE, Ids.fromLocation(location), request.patientId()));
            }
        };
    }

    @Transactional
    public Versioned<WaitlistEntryView> get(UUID id) {
        WaitlistEntry entry = entries.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Waitlist entry", id));
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, entry.patientId()));
        return new Versioned<>(entry.version(), view(entry));
    }

    /** Entries by filter, best first: URGENT before NORMAL, then the longest waiting. */
    @Transactional
    public Page<WaitlistEntryView> list(WaitlistFilter filter, PageRequest page) {
        List<WaitlistEntry> found = entries.search(filter, page.fetchOneMore());
        Map<UUID, List<WaitlistOffer>> made = offers.ofEntries(found.stream().map(WaitlistEntry::id).toList());
        Page<WaitlistEntryView> result = page.toPage(found, WaitlistEntry::id,
                e -> view(e, made.getOrDefault(e.id(), List.of())));
        auditLog.recordSearch(RESOURCE, filter.patientId(), result.items().stream()
                .map(e -> AuditEntry.of(SEARCH, RESOURCE, e.id(), e.patientId())).toList());
        return result;
    }

    /** The patient no longer waits; an open offer is withdrawn and its slot goes to the next entry. */
    @Transactional
    public Versioned<WaitlistEntryView> cancel(UUID id, IfMatch ifMatch) {
        WaitlistEntry entry = locked(id);
        ifMatch.verify(entry.version());
        if (entry.status() == WaitlistEntry.Status.OFFERED) {
            UUID hold = entry.offerAppointmentId();
            HoldService.Hold held = holds.view(hold);
            holds.withdraw(hold);
            offers.findById(hold).ended(WaitlistOffer.Outcome.WITHDRAWN, clock.instant());
            events.emit(WaitlistEvents.of(EventType.WAITLIST_OFFER_DECLINED, entry, held, WaitlistOffer.Outcome.WITHDRAWN));
        }
        entry.cancel();
        return saved(entry, "Cancelled");
    }

    /**
     * The patient takes the offer: the hold becomes their booking (same id), the entry is fulfilled,
     * and the visit it replaces is cancelled, all in one transaction. After the offer ended:
     * {@code 409 offer-expired}.
     */
    @Transactional
    public AppointmentView accept(UUID appointmentId) {
        Answer answer = answer(appointmentId);
        AppointmentView booked = holds.accept(appointmentId, answer.entry().replacesAppointmentId());
        answer.offer().ended(WaitlistOffer.Outcome.ACCEPTED, clock.instant());
        answer.entry().fulfilled();
        events.emit(WaitlistEvents.of(EventType.WAITLIST_OFFER_ACCEPTED, answer.entry(), holds.view(appointmentId),
                WaitlistOffer.Outcome.ACCEPTED));
        saved(answer.entry(), "Offer accepted for");
        return booked;
    }

    /** The patient says no: the hold is released, the entry waits on, and the slot goes to the next entry. */
    @Transactional
    public AppointmentView decline(UUID appointmentId) {
        Answer answer = answer(appointmentId);
        HoldService.Hold held = holds.view(appointmentId);
        AppointmentView released = holds.decline(appointmentId);
        answer.offer().ended(WaitlistOffer.Outcome.DECLINED, clock.instant());
        answer.entry().offerEnded();
        events.emit(WaitlistEvents.of(EventType.WAITLIST_OFFER_DECLINED, answer.entry(), held,
                WaitlistOffer.Outcome.DECLINED));
        saved(answer.entry(), "Offer declined for");
        return released;
    }

    /** The offer and its entry, the entry locked first (the order every offer change takes), the offer still open. */
    private Answer answer(UUID appointmentId) {
        WaitlistOffer offer = offers.findByIdOptional(appointmentId)
                .orElseThrow(() -> new ResourceNotFoundException("Offer", appointmentId));
        WaitlistEntry entry = locked(offer.entryId());
        offers.getEntityManager().refresh(offer);
        if (offer.outcome() == WaitlistOffer.Outcome.ACCEPTED) {
            throw new InvalidTransitionException("The offer was already accepted");
        }
        if (offer.outcome() != WaitlistOffer.Outcome.OPEN) {
            throw new OfferExpiredException();
        }
        return new Answer(entry, offer);
    }

    private record Answer(WaitlistEntry entry, WaitlistOffer offer) {
    }

    private WaitlistEntry locked(UUID id) {
        return entries.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Waitlist entry", id));
    }

    private Versioned<WaitlistEntryView> saved(WaitlistEntry entry, String what) {
        entries.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, entry.id(), entry.patientId()));
        Log.infof("%s waitlist entry %s", what, entry.id());
        return new Versioned<>(entry.version(), view(entry));
    }

    WaitlistEntryView view(WaitlistEntry e) {
        return view(e, offers.ofEntry(e.id()));
    }

    private WaitlistEntryView view(WaitlistEntry e, List<WaitlistOffer> made) {
        ZoneId zone = locations.require(e.locationId()).zone();
        return new WaitlistEntryView(e.id(), e.patientId(), e.serviceId(), e.locationId(), e.practitionerId(),
                e.earliest().atZone(zone).toOffsetDateTime(), e.latest().atZone(zone).toOffsetDateTime(), e.priority(),
                e.replacesAppointmentId(), e.status(), e.offerAppointmentId(),
                made.stream().map(o -> new OfferView(o.appointmentId(),
                        o.start().atZone(zone).toOffsetDateTime(), o.outcome(), o.madeAt(), o.endedAt())).toList(),
                e.createdAt(), e.version());
    }
}
