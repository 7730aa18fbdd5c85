package com.needleclinic.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A keyset page request: at most {@code limit} items whose id is after {@code after}. Cursors
 * are opaque to clients (base64url of the last id seen) and never an offset, so a page stays
 * correct while rows are inserted and stays fast deep into a list.
 */
public record PageRequest(int limit, UUID after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String PREFIX = "v1:";

    /** Parses the raw {@code limit} and {@code cursor} query parameters; bad values are a 400. */
    public static PageRequest of(String limit, String cursor) {
        return new PageRequest((int) QueryParams.number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT), parseCursor(cursor));
    }

    private static UUID parseCursor(String raw) {
        if (!QueryParams.present("cursor", raw)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return UUID.fromString(decoded.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidRequestException("cursor", "is not a cursor this service issued");
    }

    /** The request the repository runs: one row more than the page, to learn whether another page exists. */
    public PageRequest fetchOneMore() {
        return new PageRequest(limit + 1, after);
    }

    static String cursorFor(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Turns the rows fetched with {@code limit + 1} into a page: the extra row only proves that
     * another page exists.
     */
    public <E, V> Page<V> toPage(List<E> fetched, Function<E, UUID> idOf, Function<E, V> view) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorFor(idOf.apply(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
