package com.needleclinic.billing;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes claims as a FHIR R4 {@code Bundle} (type collection), one entry at a time: a {@code Claim}
 * per claim and, once the insurer has adjudicated it, a {@code ClaimResponse} beside it. Each Claim
 * contains its Patient, its rendering Practitioner (care team, with the college registration as
 * qualification), the billing Organization and the Location that delivered the service (the clinic
 * location), and its Coverage; it has one item: the service at its billing code and price.
 *
 * <p>Registration numbers are identifiers within their college: the identifier system is one per
 * college (a physiotherapy and an acupuncture college in one province are two namespaces), derived
 * from the college's name. Coverage relationships keep their meaning: DEPENDENT has no exact
 * HL7 code, so it is coded {@code other} and, beside it, as DEPENDENT in our own code system.
 */
final class FhirClaims {

    static final String BILLING_CODE_SYSTEM = "https://needleclinic.dev/fhir/CodeSystem/billing-code";
    static final String REGISTRATION_SYSTEM = "https://needleclinic.dev/fhir/NamingSystem/college-registration";
    static final String INSURER_SYSTEM = "https://needleclinic.dev/fhir/NamingSystem/insurer";
    static final String RELATIONSHIP_SYSTEM = "https://needleclinic.dev/fhir/CodeSystem/coverage-relationship";
    static final String HL7_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";

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

    /** The identifier system of one college's registration numbers. */
    static String registrationSystem(String college) {
        String slug = Normalizer.normalize(college, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return REGISTRATION_SYSTEM + "/" + (slug.isEmpty() ? "unnamed" : slug);
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
        organization(gen, c);
        location(gen, c);
        coverage(gen, c);
        gen.writeEndArray();
        gen.writeStringField("status", "active");
        codeable(gen, "type", "http://terminology.hl7.org/CodeSystem/claim-type", "professional", null);
        gen.writeStringField("use", "claim");
        reference(gen, "patient", "#patient");
        gen.writeStringField("created", c.submittedAt().toString());
        insurer(gen, c);
        reference(gen, "provider", "#organization");
        codeable(gen, "priority", "http://terminology.hl7.org/CodeSystem/processpriority", "normal", null);
        gen.writeArrayFieldStart("careTeam");
        gen.writeStartObject();
        gen.writeNumberField("sequence", 1);
        reference(gen, "provider", "#practitioner");
        gen.writeBooleanField("responsible", true);
        gen.writeEndObject();
        gen.writeEndArray();
        reference(gen, "facility", "#location");
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
        gen.writeArrayFieldStart("careTeamSequence");
        gen.writeNumber(1);
        gen.writeEndArray();
        codeable(gen, "productOrService", BILLING_CODE_SYSTEM, c.service().billingCode(), c.service().name());
        gen.writeStringField("servicedDate", c.serviceDate().toString());
        reference(gen, "locationReference", "#location");
        money(gen, "unitPrice", c.amountCents(), c.currency());
        money(gen, "net", c.amountCents(), c.currency());
        gen.writeEndObject();
        gen.writeEndArray();
        money(gen, "total", c.amountCents(), c.currency());
        gen.writeEndObject();
        gen.writeEndObject();
        if (c.adjudication() != null) {
            writeResponse(gen, c);
        }
    }

    /**
     * The insurer's decision as a ClaimResponse: complete, with what was claimed ({@code submitted}),
     * what is paid ({@code benefit}; 0 for a rejection), the insurer's reason as the disposition.
     */
    private static void writeResponse(JsonGenerator gen, ClaimView c) throws IOException {
        ClaimView.Adjudication a = c.adjudication();
        long paid = a.paidCents() == null ? 0 : a.paidCents();
        gen.writeStartObject();
        gen.writeStringField("fullUrl", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(("response:" + c.id()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        gen.writeObjectFieldStart("resource");
        gen.writeStringField("resourceType", "ClaimResponse");
        gen.writeStringField("id", "response-" + c.id());
        gen.writeStringField("status", "active");
        codeable(gen, "type", "http://terminology.hl7.org/CodeSystem/claim-type", "professional", null);
        gen.writeStringField("use", "claim");
        gen.writeObjectFieldStart("patient");
        gen.writeStringField("display", c.patient().firstName() + " " + c.patient().lastName());
        gen.writeEndObject();
        gen.writeStringField("created", a.at().toString());
        insurer(gen, c);
        reference(gen, "request", "urn:uuid:" + c.id());
        gen.writeStringField("outcome", "complete");
        String disposition = a.outcome() == Claim.Status.REJECTED ? "Rejected" : paid < c.amountCents() ? "Paid in part" : "Paid";
        gen.writeStringField("disposition", a.reason() == null ? disposition : disposition + ": " + a.reason());
        gen.writeArrayFieldStart("item");
        gen.writeStartObject();
        gen.writeNumberField("itemSequence", 1);
        gen.writeArrayFieldStart("adjudication");
        adjudication(gen, "submitted", c.amountCents(), c.currency());
        adjudication(gen, "benefit", paid, c.currency());
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeArrayFieldStart("total");
        adjudication(gen, "submitted", c.amountCents(), c.currency());
        adjudication(gen, "benefit", paid, c.currency());
        gen.writeEndArray();
        gen.writeObjectFieldStart("payment");
        codeable(gen, "type", "http://terminology.hl7.org/CodeSystem/ex-paymenttype", "complete", null);
        money(gen, "amount", paid, c.currency());
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void adjudication(JsonGenerator gen, String category, long cents, String currency) throws IOException {
        gen.writeStartObject();
        codeable(gen, "category", "http://terminology.hl7.org/CodeSystem/adjudication", category, null);
        money(gen, "amount", cents, currency);
        gen.writeEndObject();
    }

    /** The insurer by its own code, the identifier its claims system knows. */
    private static void insurer(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeObjectFieldStart("insurer");
        identifier(gen, "identifier", INSURER_SYSTEM, c.insurerCode());
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
        gen.writeStringField("system", registrationSystem(p.registrationBody()));
        gen.writeStringField("value", p.registrationNumber());
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeObjectFieldStart("code");
        gen.writeStringField("text", p.discipline());
        gen.writeEndObject();
        gen.writeObjectFieldStart("issuer");
        gen.writeStringField("display", p.registrationBody() + " (" + p.province() + ")");
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** The billing organisation: the clinic location that delivered the service. */
    private static void organization(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("resourceType", "Organization");
        gen.writeStringField("id", "organization");
        gen.writeStringField("name", c.location().name());
        gen.writeArrayFieldStart("address");
        address(gen, c);
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void location(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("resourceType", "Location");
        gen.writeStringField("id", "location");
        gen.writeStringField("name", c.location().name());
        gen.writeFieldName("address");
        address(gen, c);
        reference(gen, "managingOrganization", "#organization");
        gen.writeEndObject();
    }

    private static void address(JsonGenerator gen, ClaimView c) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("state", c.location().province());
        gen.writeStringField("country", "CA");
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
        relationship(gen, c.relationship());
        gen.writeArrayFieldStart("payor");
        gen.writeStartObject();
        identifier(gen, "identifier", INSURER_SYSTEM, c.insurerCode());
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** SELF and SPOUSE have exact HL7 codes; DEPENDENT is {@code other} there and DEPENDENT in ours. */
    private static void relationship(JsonGenerator gen, String relationship) throws IOException {
        String hl7 = switch (relationship) {
            case "SELF" -> "self";
            case "SPOUSE" -> "spouse";
            default -> "other";
        };
        gen.writeObjectFieldStart("relationship");
        gen.writeArrayFieldStart("coding");
        gen.writeStartObject();
        gen.writeStringField("system", HL7_RELATIONSHIP);
        gen.writeStringField("code", hl7);
        gen.writeEndObject();
        gen.writeStartObject();
        gen.writeStringField("system", RELATIONSHIP_SYSTEM);
        gen.writeStringField("code", relationship);
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeStringField("text", relationship);
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
