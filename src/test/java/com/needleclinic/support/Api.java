package com.needleclinic.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** RestAssured requests with a role's token, and builders of valid reference data. */
public final class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(Tokens.admin());
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> practitionerBody() {
        return new java.util.HashMap<>(Map.of(
                "firstName", "Chan", "lastName", "Gunn", "discipline", "PHYSIOTHERAPIST",
                "registrationNumber", unique("PT-"), "registrationBody", "College of Physical Therapists of BC",
                "province", "BC"));
    }

    public static UUID createPractitioner() {
        return UUID.fromString(asAdmin().body(practitionerBody()).post("/api/v1/practitioners")
                .then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> certificationBody(String modality, String from, String until, String status) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("modality", modality);
        body.put("issuingBody", "iSTOP");
        body.put("credentialNumber", unique("CRED-"));
        body.put("validFrom", from);
        body.put("validUntil", until);
        body.put("status", status);
        return body;
    }

    public static UUID certify(UUID practitionerId, String modality, String from, String until, String status) {
        return UUID.fromString(asAdmin().body(certificationBody(modality, from, until, status))
                .post("/api/v1/practitioners/{id}/certifications", practitionerId)
                .then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> serviceBody(String modality) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", "IMS follow-up, 30 min");
        body.put("modality", modality);
        body.put("durationMinutes", 30);
        body.put("priceCents", 9500);
        body.put("currency", "CAD");
        body.put("billingCode", "IMS-30");
        return body;
    }

    /**
     * A location whose waitlist offers at any hour ({@code 00:00-00:00}), so that a test's offers
     * do not depend on the hour CI runs at; WaitlistHoursTest holds the default 08:00-20:00.
     */
    public static Map<String, Object> locationBody() {
        return new java.util.HashMap<>(Map.of("name", "Kitsilano", "timeZone", "America/Vancouver", "province", "BC",
                "offerHours", Map.of("start", "00:00", "end", "00:00")));
    }

    public static Map<String, Object> insurerBody() {
        return new java.util.HashMap<>(Map.of("name", "Pacific Blue Cross", "code", unique("PBC")));
    }

    public static Map<String, Object> patientBody() {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("firstName", unique("Ada"));
        body.put("lastName", "Lovelace");
        body.put("dateOfBirth", "1990-12-10");
        body.put("email", "ada@example.org");
        body.put("phone", "+1 604 555 0100");
        return body;
    }

    public static UUID createPatient() {
        return UUID.fromString(asAdmin().body(patientBody()).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID createInsurer() {
        return UUID.fromString(asAdmin().body(insurerBody()).post("/api/v1/insurers")
                .then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> coverageBody(UUID insurerId, String from, String until) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("insurerId", insurerId.toString());
        body.put("policyNumber", unique("POL-"));
        body.put("memberId", unique("MEM-"));
        body.put("relationship", "SELF");
        body.put("validFrom", from);
        body.put("validUntil", until);
        return body;
    }

    /** Puts the practitioner's weekly schedule at: every day, {@code start} to {@code end} local time. */
    public static void worksEveryDay(UUID practitioner, UUID location, String start, String end) {
        java.util.List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            entries.add(Map.of("locationId", location.toString(), "dayOfWeek", day.name(), "start", start, "end", end));
        }
        asAdmin().body(Map.of("entries", entries)).put("/api/v1/practitioners/{id}/schedule", practitioner)
                .then().statusCode(200);
    }

    /** Region zones around the world, one for every hour of offset. */
    private static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Vancouver",
            "America/Edmonton", "America/Winnipeg", "America/Toronto", "America/Halifax", "America/Sao_Paulo",
            "America/Noronha", "Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow",
            "Asia/Dubai", "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo",
            "Australia/Brisbane", "Pacific/Noumea", "Pacific/Auckland", "Pacific/Tongatapu");

    /**
     * A zone where it is late morning right now. Visits are checked in on their own day, from two
     * hours before their start, and only then noted, signed and billed; a test that goes through
     * the whole visit books it in the next hours at a location in this zone, so "today" is today
     * for the location however late the test runs.
     */
    public static java.time.ZoneId morningZone() {
        return zoneAt(9);
    }

    /** A zone where it is about {@code hour}:00 right now (within half an hour). */
    public static java.time.ZoneId zoneAt(int hour) {
        java.time.Instant now = java.time.Instant.now();
        return ZONES.stream().map(java.time.ZoneId::of)
                .min(java.util.Comparator.comparingInt(z -> Math.abs(now.atZone(z).getHour() * 60
                        + now.atZone(z).getMinute() - hour * 60)))
                .orElseThrow();
    }

    public static Map<String, Object> morningLocationBody() {
        Map<String, Object> body = new java.util.HashMap<>(locationBody());
        body.put("timeZone", morningZone().getId());
        return body;
    }

    /** The start of visit {@code slot} (0, 1, 2 ...) of today's visits: 15 min from now, then every 30 min. */
    public static String soon(java.time.ZoneId zone, int slot) {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(zone).withSecond(0).withNano(0);
        java.time.ZonedDateTime next = now.plusMinutes(15 - now.getMinute() % 15).plusMinutes(15 + 30L * slot);
        return next.toOffsetDateTime().toString();
    }

    /** A location, its IMS service and one practitioner certified for it, working there every day 08:00-18:00. */
    public record NeedlingClinic(UUID location, UUID service, UUID practitioner) {
    }

    /** Creates a {@link NeedlingClinic} whose location is in {@code zone}. */
    public static NeedlingClinic needlingClinic(java.time.ZoneId zone) {
        Map<String, Object> place = locationBody();
        place.put("timeZone", zone.getId());
        UUID location = UUID.fromString(asAdmin().body(place).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id"));
        UUID service = UUID.fromString(asAdmin().body(serviceBody("IMS")).post("/api/v1/services").then().statusCode(201)
                .extract().path("id"));
        UUID practitioner = createPractitioner();
        certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        worksEveryDay(practitioner, location, "08:00", "18:00");
        return new NeedlingClinic(location, service, practitioner);
    }
}
