package com.needleclinic.billing;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes claims as a FHIR R4 {@code Bundle} (type collection) of {@code Claim} resources, one entry
 * at a time. Each Claim contains its Patient, its Practitioner (with the college registration as
 * qualification) and its Coverage, and has one item: the service at its billing code and price.
 */
final class FhirClaims {

    static final String BILLING_CODE_SYSTEM = "https://needleclinic.dev/fhir/CodeSystem/billing-code";
    static final String REGISTRATION_SYSTEM = "https://needleclinic.dev/fhir/NamingSystem/college-registration";
    static final String INSURER_SYSTEM = "https://needleclinic.dev/fhir/NamingSystem/insurer";

    private FhirClaims() {
    }

    static void startBundle(JsonGenerator gen, Instant now) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("resourceType", "Bundle");
        gen.writeStringField("type", "collection");
        gen.writeStringField("timestamp", now.toString());
        gen.writeArrayFieldStart("entry");
    }

    static void endBundle(JsonGenerator gen) throws IOException {
        gen.writeEndArray();
        gen.writeEndObject();
    }

    static void writeEntry(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("fullUrl", "urn:uuid:" + c.id());
        gen.writeObjectFieldStart("resource");
        gen.writeStringField("resourceType", "Claim");
        gen.writeStringField("id", c.id().toString());
        gen.writeArrayFieldStart("contained");
        patient(gen, c);
        practitioner(gen, c);
        coverage(gen, c);
        gen.writeEndArray();
        gen.writeStringField("status", "active");
        codeable(gen, "type", "http://terminology.hl7.org/CodeSystem/claim-type", "professional", null);
        gen.writeStringField("use", "claim");
        reference(gen, "patient", "#patient");
        gen.writeStringField("created", c.serviceDate().toString());
        gen.writeObjectFieldStart("insurer");
        identifier(gen, "identifier", INSURER_SYSTEM, c.insurerId().toString());
        gen.writeEndObject();
        reference(gen, "provider", "#practitioner");
        codeable(gen, "priority", "http://terminology.hl7.org/CodeSystem/processpriority", "normal", null);
        gen.writeArrayFieldStart("insurance");
        gen.writeStartObject();
        gen.writeNumberField("sequence", 1);
        gen.writeBooleanField("focal", true);
        reference(gen, "coverage", "#coverage");
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeArrayFieldStart("item");
        gen.writeStartObject();
        gen.writeNumberField("sequence", 1);
        codeable(gen, "productOrService", BILLING_CODE_SYSTEM, c.service().billingCode(), c.service().name());
        gen.writeStringField("servicedDate", c.serviceDate().toString());
        money(gen, "unitPrice", c.amountCents(), c.currency());
        money(gen, "net", c.amountCents(), c.currency());
        gen.writeEndObject();
        gen.writeEndArray();
        money(gen, "total", c.amountCents(), c.currency());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void patient(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("resourceType", "Patient");
        gen.writeStringField("id", "patient");
        gen.writeArrayFieldStart("name");
        gen.writeStartObject();
        gen.writeStringField("family", c.patient().lastName());
        gen.writeArrayFieldStart("given");
        gen.writeString(c.patient().firstName());
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeStringField("birthDate", c.patient().dateOfBirth().toString());
        gen.writeEndObject();
    }

    private static void practitioner(JsonGenerator gen, ClaimView c) throws IOException {
        var p = c.practitioner();
        gen.writeStartObject();
        gen.writeStringField("resourceType", "Practitioner");
        gen.writeStringField("id", "practitioner");
        gen.writeArrayFieldStart("name");
        gen.writeStartObject();
        gen.writeStringField("text", p.name());
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeArrayFieldStart("qualification");
        gen.writeStartObject();
        gen.writeArrayFieldStart("identifier");
        gen.writeStartObject();
        gen.writeStringField("system", REGISTRATION_SYSTEM + "/" + p.province().toLowerCase(Locale.ROOT));
        gen.writeStringField("value", p.registrationNumber());
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeObjectFieldStart("code");
        gen.writeStringField("text", p.discipline());
        gen.writeEndObject();
        gen.writeObjectFieldStart("issuer");
        gen.writeStringField("display", "Regulatory college, " + p.province());
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void coverage(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("resourceType", "Coverage");
        gen.writeStringField("id", "coverage");
        gen.writeArrayFieldStart("identifier");
        gen.writeStartObject();
        gen.writeStringField("value", c.policyNumber());
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeStringField("status", "active");
        gen.writeStringField("subscriberId", c.memberId());
        reference(gen, "beneficiary", "#patient");
        String relationship = switch (c.relationship()) {
            case "SELF" -> "self";
            case "SPOUSE" -> "spouse";
            default -> "other";
        };
        codeable(gen, "relationship", "http://terminology.hl7.org/CodeSystem/subscriber-relationship", relationship,
                null);
        gen.writeArrayFieldStart("payor");
        gen.writeStartObject();
        identifier(gen, "identifier", INSURER_SYSTEM, c.insurerId().toString());
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void reference(JsonGenerator gen, String field, String reference) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeStringField("reference", reference);
        gen.writeEndObject();
    }

    private static void identifier(JsonGenerator gen, String field, String system, String value) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeStringField("system", system);
        gen.writeStringField("value", value);
        gen.writeEndObject();
    }

    private static void codeable(JsonGenerator gen, String field, String system, String code, String display)
            throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeArrayFieldStart("coding");
        gen.writeStartObject();
        gen.writeStringField("system", system);
        gen.writeStringField("code", code);
        if (display != null) {
            gen.writeStringField("display", display);
        }
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void money(JsonGenerator gen, String field, long cents, String currency) throws IOException {
        gen.writeObjectFieldStart(field);
        gen.writeFieldName("value");
        gen.writeNumber(BigDecimal.valueOf(cents, 2));
        gen.writeStringField("currency", currency);
        gen.writeEndObject();
    }
}
