package com.needleclinic.location;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of a location's day in which the waitlist may offer time to patients
 * (docs/rules.md, "Waitlist offers at sane hours"), [start, end) in local time: an opening found
 * outside them is offered when they next open, and a hold counts its minutes only inside them, so
 * it never expires while the patient may be asleep (15 minutes made at 19:55 of 08:00-20:00 end at
 * 08:10 the next day). Equal start and end ({@code 00:00-00:00}) mean at any hour.
 */
public record OfferHours(LocalTime start, LocalTime end) {

    public static final OfferHours DEFAULT = new OfferHours(LocalTime.of(8, 0), LocalTime.of(20, 0));

    public OfferHours {
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("offer hours must start before they end");
        }
    }

    /** Offers at any hour: start and end equal. */
    public boolean always() {
        return start.equals(end);
    }

    /** Whether an offer may be made at {@code now}. */
    public boolean open(Instant now, ZoneId zone) {
        if (always()) {
            return true;
        }
        LocalTime local = now.atZone(zone).toLocalTime();
        return !local.isBefore(start) && local.isBefore(end);
    }

    /** When an offer may next be made: {@code now} if open, else the next start of the hours. */
    public Instant nextOpen(Instant now, ZoneId zone) {
        if (open(now, zone)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(start) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return opens(day, zone);
    }

    /**
     * When a hold of {@code length} made at {@code now} ends, counting only time inside the hours:
     * what is left at a day's end carries on from the next day's start.
     */
    public Instant expiry(Instant now, Duration length, ZoneId zone) {
        if (always()) {
            return now.plus(length);
        }
        Instant from = nextOpen(now, zone);
        Duration left = length;
        while (true) {
            LocalDate day = from.atZone(zone).toLocalDate();
            Instant closes = ZonedDateTime.of(day, end, zone).toInstant();
            Duration today = Duration.between(from, closes);
            if (left.compareTo(today) <= 0) {
                return from.plus(left);
            }
            left = left.minus(today);
            from = opens(day.plusDays(1), zone);
        }
    }

    private Instant opens(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, start, zone).toInstant();
    }
}
