package com.needleclinic.room;

import com.needleclinic.shared.InvalidRequestException;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a room offers and a service requires: an open set of names ({@code TREATMENT_BED},
 * {@code ELECTRICAL_STIMULATION}, {@code PRIVATE}, and any a clinic adds), stored sorted and
 * comma-separated so that SQL compares them as arrays (migration V014).
 */
public final class Capabilities {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MOST = 20;

    private Capabilities() {
    }

    /** The canonical form of a request's list (sorted, each once); a bad name is a 400 naming the field. */
    public static String of(String field, List<String> names) {
        if (names == null) {
            return "";
        }
        if (names.size() > MOST) {
            throw new InvalidRequestException(field, "at most " + MOST + " capabilities");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidRequestException(field + "[" + i + "]",
                        "must be an upper-case name like TREATMENT_BED (letters, digits, '_')");
            }
            sorted.add(name);
        }
        return String.join(",", sorted);
    }

    public static List<String> list(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }
}
