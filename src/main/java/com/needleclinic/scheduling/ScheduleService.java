package com.needleclinic.scheduling;

import com.needleclinic.location.LocationService;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.scheduling.SchedulingDtos.ScheduleEntryRequest;
import com.needleclinic.scheduling.SchedulingDtos.ScheduleEntryView;
import com.needleclinic.scheduling.SchedulingDtos.ScheduleView;
import com.needleclinic.scheduling.SchedulingDtos.TimeOffRequest;
import com.needleclinic.scheduling.SchedulingDtos.TimeOffView;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.Problem;
import com.needleclinic.shared.ResourceNotFoundException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Practitioners' weekly schedules and time off. */
@ApplicationScoped
public class ScheduleService {

    private final ScheduleRepository schedules;
    private final TimeOffRepository timeOff;
    private final PractitionerService practitioners;
    private final LocationService locations;
    private final Clock clock;
    private final FreedTimes freed;

    ScheduleService(ScheduleRepository schedules, TimeOffRepository timeOff, PractitionerService practitioners,
                    LocationService locations, Clock clock, FreedTimes freed) {
        this.freed = freed;
        this.schedules = schedules;
        this.timeOff = timeOff;
        this.practitioners = practitioners;
        this.locations = locations;
        this.clock = clock;
    }

    /**
     * Replaces the whole weekly schedule. Blocks may not overlap on a weekday, even at different
     * locations: a practitioner is in one place at a time. Existing appointments stay booked.
     */
    @Transactional
    public ScheduleView replace(UUID practitionerId, List<ScheduleEntryRequest> requested) {
        practitioners.require(practitionerId);
        List<ScheduleEntry> entries = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ScheduleEntryRequest r = requested.get(i);
            if (!locationExists(r.locationId())) {
                errors.add(InvalidRequestException.unknownReferenceError("entries[" + i + "].locationId"));
                continue;
            }
            ScheduleEntry entry = new ScheduleEntry(practitionerId, r.locationId(), r.dayOfWeek(), r.start(), r.end());
            for (int j = 0; j < entries.size(); j++) {
                if (entries.get(j).overlaps(entry)) {
                    errors.add(new Problem.FieldError("entries[" + i + "]", "overlaps another block on " + r.dayOfWeek()));
                }
            }
            entries.add(entry);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        schedules.replace(practitionerId, entries);
        // A new schedule may open time anywhere in the weeks ahead: the waitlist looks over the window
        // availability searches (what is already booked stays booked, and is not free).
        Instant now = clock.instant();
        entries.stream().map(ScheduleEntry::locationId).distinct().forEach(location -> freed.freed(practitionerId,
                location, now, now.plus(java.time.Duration.ofDays(AvailabilityService.MAX_DAYS))));
        Log.infof("Replaced the schedule of practitioner %s (%d blocks)", practitionerId, entries.size());
        return view(practitionerId, entries);
    }

    @Transactional
    public ScheduleView get(UUID practitionerId) {
        practitioners.require(practitionerId);
        return view(practitionerId, schedules.ofPractitioner(practitionerId));
    }

    @Transactional
    public Created<TimeOffView> addTimeOff(UUID practitionerId, TimeOffRequest request) {
        practitioners.require(practitionerId);
        TimeOff off = new TimeOff(practitionerId, request.start().toInstant(), request.end().toInstant(),
                request.reason(), clock.instant());
        timeOff.persistAndFlush(off);
        Log.infof("Time off %s for practitioner %s", off.id(), practitionerId);
        return new Created<>("/api/v1/practitioners/" + practitionerId + "/time-off", 0, TimeOffView.of(off));
    }

    /**
     * Withdraws time off (the practitioner will work after all): its time is free again at every
     * location they work at, and the waitlist may offer it.
     */
    @Transactional
    public void removeTimeOff(UUID practitionerId, UUID timeOffId) {
        practitioners.require(practitionerId);
        TimeOff off = timeOff.findByIdOptional(timeOffId).filter(t -> t.practitionerId().equals(practitionerId))
                .orElseThrow(() -> new ResourceNotFoundException("Time off", timeOffId));
        timeOff.delete(off);
        schedules.ofPractitioner(practitionerId).stream().map(ScheduleEntry::locationId).distinct()
                .forEach(location -> freed.freed(practitionerId, location, off.start(), off.end()));
        Log.infof("Removed time off %s of practitioner %s", timeOffId, practitionerId);
    }

    /** Time off that has not ended yet, soonest first. */
    @Transactional
    public List<TimeOffView> upcomingTimeOff(UUID practitionerId) {
        practitioners.require(practitionerId);
        return timeOff.upcoming(practitionerId, clock.instant()).stream().map(TimeOffView::of).toList();
    }

    private boolean locationExists(UUID locationId) {
        return locations.lookup(locationId).isPresent();
    }

    private static ScheduleView view(UUID practitionerId, List<ScheduleEntry> entries) {
        return new ScheduleView(practitionerId, entries.stream()
                .sorted(java.util.Comparator.comparing(ScheduleEntry::day).thenComparing(ScheduleEntry::start))
                .map(ScheduleEntryView::of).toList());
    }
}
