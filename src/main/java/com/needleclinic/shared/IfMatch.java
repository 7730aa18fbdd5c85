package com.needleclinic.shared;

/**
 * The {@code If-Match} precondition of a state-changing call. ETags are the entity's version in
 * quotes; an absent header or {@code *} accepts any version. Weak tags never match (RFC 9110
 * requires the strong comparison for If-Match).
 */
public record IfMatch(String header) {

    public static final IfMatch ANY = new IfMatch(null);

    public static IfMatch of(String header) {
        return header == null || header.isBlank() ? ANY : new IfMatch(header.trim());
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public void verify(long currentVersion) {
        if (header == null || header.equals("*")) {
            return;
        }
        String current = etag(currentVersion);
        for (String candidate : header.split(",")) {
            if (candidate.trim().equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException("If-Match " + header + " does not match the current ETag " + current);
    }
}
