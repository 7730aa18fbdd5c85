package com.needleclinic.scheduling;

import com.needleclinic.support.Api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;

/**
 * A fresh clinic for one test: a Vancouver location, an IMS service of 30 minutes, and helpers
 * to add practitioners who work there every day 09:00-17:00 local.
 */
final class Clinic {

    static final ZoneId ZONE = ZoneId.of("America/Vancouver");

    final UUID location;
    final UUID imsService;
    final UUID assessment;
    /** The location's zone: {@link #ZONE}, or for a {@link #inTheMorning()} clinic, a zone where it is morning now. */
    final ZoneId zone;

    Clinic() {
        this(ZONE);
    }

    private Clinic(ZoneId zone) {
        this.zone = zone;
        Map<String, Object> body = new java.util.HashMap<>(Api.locationBody());
        body.put("timeZone", zone.getId());
        location = UUID.fromString(asAdmin().body(body).post("/api/v1/locations")
                .then().statusCode(201).extract().path("id"));
        imsService = service("IMS", 30);
        assessment = service(null, 60);
    }

    /**
     * A clinic where it is morning now, for visits that happen today: check-in opens two hours
     * before the start, on the visit's own day. Its practitioners work around the clock.
     */
    static Clinic inTheMorning() {
        return new Clinic(Api.morningZone());
    }

    /** Today's visit number {@code slot} at this clinic: 15 minutes from now, then every 30 minutes. */
    String soon(int slot) {
        return Api.soon(zone, slot);
    }

    static UUID service(String modality, int minutes) {
        Map<String, Object> body = Api.serviceBody(modality);
        body.put("durationMinutes", minutes);
        return UUID.fromString(asAdmin().body(body).post("/api/v1/services").then().statusCode(201).extract().path("id"));
    }

    /** A practitioner certified for IMS from a year ago until {@code certifiedUntil} (null: open-ended). */
    UUID imsPractitioner(LocalDate certifiedUntil) {
        UUID practitioner = Api.createPractitioner();
        Api.certify(practitioner, "IMS", LocalDate.now().minusYears(1).toString(),
                certifiedUntil == null ? null : certifiedUntil.toString(), "ACTIVE");
        worksEveryDay(practitioner, "09:00", "17:00");
        return practitioner;
    }

    void worksEveryDay(UUID practitioner, String start, String end) {
        Api.worksEveryDay(practitioner, location, start, end);
    }

    /** An instant at a local date and time at the location, ISO-8601 with offset. */
    static String at(LocalDate date, String localTime) {
        return ZonedDateTime.of(date, LocalTime.parse(localTime), ZONE).toOffsetDateTime().toString();
    }

    static LocalDate inDays(int days) {
        return LocalDate.now(ZONE).plusDays(days);
    }

    Map<String, Object> booking(UUID patient, UUID practitioner, UUID service, String start) {
        return new java.util.HashMap<>(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                "serviceId", service.toString(), "locationId", location.toString(), "start", start));
    }

    String book(UUID patient, UUID practitioner, UUID service, String start) {
        return asAdmin().body(booking(patient, practitioner, service, start)).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
    }
}
