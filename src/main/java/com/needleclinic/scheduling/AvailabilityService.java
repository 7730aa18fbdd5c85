package com.needleclinic.scheduling;

import com.needleclinic.catalog.CatalogService;
import com.needleclinic.catalog.ClinicService;
import com.needleclinic.location.Location;
import com.needleclinic.location.LocationService;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.room.RoomService;
import com.needleclinic.scheduling.SchedulingDtos.SlotView;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Answers "when can this service be booked at this location?" from the database in a few queries. */
import static com.needleclinic.shared.InvalidRequestException.referenced;

@ApplicationScoped
public class AvailabilityService {

    static final int MAX_DAYS = 31;

    private final ScheduleRepository schedules;
    private final TimeOffRepository timeOff;
    private final AppointmentRepository appointments;
    private final PractitionerService practitioners;
    private final CatalogService catalog;
    private final LocationService locations;
    private final Clock clock;
    private final RoomService rooms;

    private final ClosureRepository closures;

    AvailabilityService(ScheduleRepository schedules, TimeOffRepository timeOff, AppointmentRepository appointments,
                        PractitionerService practitioners, CatalogService catalog, LocationService locations,
                        Clock clock, RoomService rooms, ClosureRepository closures) {
        this.closures = closures;
        this.rooms = rooms;
        this.schedules = schedules;
        this.timeOff = timeOff;
        this.appointments = appointments;
        this.practitioners = practitioners;
        this.catalog = catalog;
        this.locations = locations;
        this.clock = clock;
    }

    /**
     * One page of slots from {@code from} to {@code to}, or, without {@code to}, over the next
     * {@link #MAX_DAYS} days: the earliest ones ("next available"). With {@code fromTime}, the
     * search starts at that local time of {@code from} ("anything after 4 pm today?"); later days
     * are searched whole.
     */
    @Transactional
    public Page<SlotView> find(UUID serviceId, UUID locationId, LocalDate from, java.time.LocalTime fromTime,
                               LocalDate to, UUID practitionerId, SlotPage page) {
        if (to == null) {
            to = from.plusDays(MAX_DAYS - 1);
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidRequestException("to", "at most " + MAX_DAYS + " days after from");
        }
        ClinicService service = referenced("serviceId", () -> catalog.require(serviceId));
        Location location = referenced("locationId", () -> locations.require(locationId));
        Instant earliest = fromTime == null ? null : from.atTime(fromTime).atZone(location.zone()).toInstant();
        List<AvailabilityFinder.Slot> slots = slots(service, location, practitionerId, from, to,
                slot -> (earliest == null || !slot.start().isBefore(earliest)) && page.admits(slot), page.limit() + 1);
        boolean more = slots.size() > page.limit();
        List<AvailabilityFinder.Slot> shown = more ? slots.subList(0, page.limit()) : slots;
        return new Page<>(shown.stream().map(s -> new SlotView(s.practitionerId(),
                        SchedulingDtos.local(s.start(), location.zone()), SchedulingDtos.local(s.end(), location.zone()))).toList(),
                more ? SlotPage.cursorAfter(shown.get(shown.size() - 1)) : null);
    }

    /**
     * The first {@code wanted} free slots for the service at the location with this practitioner
     * that lie wholly within [from, to), searched over at most {@link #MAX_DAYS} days from
     * {@code from}: where a waitlist offer may go (docs/rules.md, "Waitlist and offers").
     */
    List<AvailabilityFinder.Slot> within(ClinicService service, Location location, UUID practitionerId, Instant from,
                                         Instant to, java.util.function.Predicate<AvailabilityFinder.Slot> also,
                                         int wanted) {
        LocalDate first = from.atZone(location.zone()).toLocalDate();
        LocalDate last = to.atZone(location.zone()).toLocalDate();
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            last = first.plusDays(MAX_DAYS - 1);
        }
        return slots(service, location, practitionerId, first, last,
                slot -> !slot.start().isBefore(from) && !slot.end().isAfter(to) && also.test(slot), wanted);
    }

    /** Slots on the local dates from..to that {@code admitted} lets through and a room serves, in order. */
    private List<AvailabilityFinder.Slot> slots(ClinicService service, Location location, UUID practitionerId,
                                                LocalDate from, LocalDate to,
                                                java.util.function.Predicate<AvailabilityFinder.Slot> admitted,
                                                int wanted) {
        UUID locationId = location.id();
        Set<UUID> candidates = schedules.atLocation(locationId).stream().map(ScheduleEntry::practitionerId)
                .filter(p -> practitionerId == null || p.equals(practitionerId)).collect(Collectors.toSet());

        Instant windowStart = from.minusDays(1).atStartOfDay(location.zone()).toInstant();
        Instant windowEnd = to.plusDays(2).atStartOfDay(location.zone()).toInstant();
        Map<UUID, List<WeeklyBlock>> blocks = schedules.ofPractitioners(candidates).stream()
                .collect(Collectors.groupingBy(ScheduleEntry::practitionerId,
                        Collectors.mapping(ScheduleEntry::block, Collectors.toList())));
        Map<UUID, List<Period>> off = timeOff.overlapping(candidates, windowStart, windowEnd).stream()
                .collect(Collectors.groupingBy(TimeOff::practitionerId,
                        Collectors.mapping(TimeOff::period, Collectors.toList())));
        Map<UUID, List<Period>> busy = appointments.openBetween(candidates, windowStart, windowEnd)
                .stream().collect(Collectors.groupingBy(Appointment::practitionerId,
                        Collectors.mapping(a -> new Period(a.start(), a.end()), Collectors.toList())));

        // A closure of the location is time off for everyone who works there.
        List<Period> closed = closures.overlapping(locationId, windowStart, windowEnd);
        Map<UUID, AvailabilityFinder.Calendar> calendars = new LinkedHashMap<>();
        for (UUID id : candidates) {
            List<Period> away = new java.util.ArrayList<>(off.getOrDefault(id, List.of()));
            away.addAll(closed);
            calendars.put(id, new AvailabilityFinder.Calendar(practitioners.require(id), blocks.getOrDefault(id, List.of()),
                    away, busy.getOrDefault(id, List.of())));
        }
        RoomCalendar roomCalendar = roomCalendar(service, locationId, windowStart, windowEnd);
        return AvailabilityFinder.find(calendars, locationId, location.zone(),
                service.modality(), service.duration(), from, to, clock.instant(),
                slot -> admitted.test(slot) && roomCalendar.anyFree(slot.start(), slot.end()), wanted);
    }

    /** A service that needs a room is offered only when one of its suitable rooms is free too: two more queries, not one per slot. */
    private RoomCalendar roomCalendar(ClinicService service, UUID locationId, Instant from, Instant to) {
        if (service.requiredCapabilities().isEmpty()) {
            return RoomCalendar.NOT_NEEDED;
        }
        List<UUID> suitable = rooms.suitable(locationId, service.requiredCapabilities());
        return new RoomCalendar(suitable, appointments.roomsBusy(suitable, from, to));
    }
}
