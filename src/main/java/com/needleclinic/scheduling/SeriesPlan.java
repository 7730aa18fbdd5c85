package com.needleclinic.scheduling;

import com.needleclinic.shared.InvalidRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The occurrences of a course (docs/rules.md, "Courses"): every {@code intervalWeeks} weeks from the
 * first, at the first one's local wall-clock time in the location's zone - 09:00 stays 09:00 on
 * both sides of a daylight-saving change - by count (2 to 52) or until a date (at most 52). A local
 * time that a spring-forward night skips is taken an hour later, as the clock reads then.
 */
final class SeriesPlan {

    static final int MOST = 52;

    private SeriesPlan() {
    }

    static List<Instant> occurrences(OffsetDateTime firstStart, ZoneId zone, int intervalWeeks, Integer count,
                                     LocalDate until) {
        LocalDateTime first = firstStart.atZoneSameInstant(zone).toLocalDateTime();
        if (until != null && until.isBefore(first.toLocalDate())) {
            throw new InvalidRequestException("repeat.until", "must not be before the first visit's date");
        }
        List<Instant> starts = new ArrayList<>();
        for (int k = 0; count == null || k < count; k++) {
            LocalDateTime local = first.plusWeeks((long) k * intervalWeeks);
            if (until != null && local.toLocalDate().isAfter(until)) {
                break;
            }
            if (starts.size() == MOST) {
                throw new InvalidRequestException("repeat.until", "a course has at most " + MOST + " visits");
            }
            starts.add(local.atZone(zone).toInstant());
        }
        return starts;
    }
}
