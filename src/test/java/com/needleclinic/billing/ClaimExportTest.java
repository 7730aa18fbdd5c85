package com.needleclinic.billing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** The same claims as JSON, as CSV that parses back to them, and as a FHIR R4 Bundle that validates. */
@QuarkusTest
class ClaimExportTest {

    @Test
    void csv_parses_back_to_the_same_claims_as_the_json() throws Exception {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        visit.signFor(SignedVisit.insuredPatient(insurer));
        visit.signFor(SignedVisit.insuredPatient(insurer));
        String token = Tokens.insurer(insurer);

        JsonPath json = as(token).get("/api/v1/claims").then().statusCode(200).extract().jsonPath();
        var response = as(token).accept("text/csv").get("/api/v1/claims").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("claims.csv"))
                .extract();
        String csv = response.asString();
        assertThat(csv).contains("\r\n").contains("\"IMS follow-up, 30 min, with \"\"e-stim\"\", needles\"");

        MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
        List<Map<String, String>> parsed = rows.readAll();
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).keySet()).containsExactlyElementsOf(ClaimExport.CSV_COLUMNS);
        for (Map<String, String> row : parsed) {
            int i = json.getList("items.id").indexOf(row.get("id"));
            assertThat(i).isGreaterThanOrEqualTo(0);
            String item = "items[" + i + "].";
            assertThat(row.get("insurerId")).isEqualTo(json.getString(item + "insurerId"));
            assertThat(row.get("status")).isEqualTo(json.getString(item + "status"));
            assertThat(row.get("serviceDate")).isEqualTo(json.getString(item + "serviceDate"));
            assertThat(row.get("patientFirstName")).isEqualTo(json.getString(item + "patient.firstName"));
            assertThat(row.get("patientLastName")).isEqualTo(json.getString(item + "patient.lastName"));
            assertThat(row.get("patientDateOfBirth")).isEqualTo(json.getString(item + "patient.dateOfBirth"));
            assertThat(row.get("policyNumber")).isEqualTo(json.getString(item + "policyNumber"));
            assertThat(row.get("memberId")).isEqualTo(json.getString(item + "memberId"));
            assertThat(row.get("relationship")).isEqualTo(json.getString(item + "relationship"));
            assertThat(row.get("practitionerName")).isEqualTo(json.getString(item + "practitioner.name"));
            assertThat(row.get("practitionerRegistrationNumber"))
                    .isEqualTo(json.getString(item + "practitioner.registrationNumber"));
            assertThat(row.get("serviceName")).isEqualTo(json.getString(item + "service.name"));
            assertThat(row.get("billingCode")).isEqualTo(json.getString(item + "service.billingCode"));
            assertThat(row.get("modality")).isEqualTo(json.getString(item + "service.modality"));
            assertThat(Long.parseLong(row.get("amountCents"))).isEqualTo(json.getLong(item + "amountCents"));
            assertThat(row.get("currency")).isEqualTo(json.getString(item + "currency"));
            assertThat(row.get("appointmentId")).isEqualTo(json.getString(item + "appointmentId"));
            assertThat(row.get("insurerCode")).isEqualTo(json.getString(item + "insurerCode")).isNotBlank();
            assertThat(row.get("practitionerRegistrationBody")).isEqualTo(json.getString(item + "practitioner.registrationBody"))
                    .isEqualTo("College of Physical Therapists of BC");
            assertThat(row.get("locationName")).isEqualTo(json.getString(item + "location.name")).isNotBlank();
            assertThat(row.get("locationProvince")).isEqualTo(json.getString(item + "location.province"));
            assertThat(row.get("submittedAt")).isEqualTo(json.getString(item + "submittedAt"));
            assertThat(row.get("adjudicationOutcome")).isEmpty();
        }
    }

    @Test
    void fhir_bundle_of_claims_validates_against_r4() {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        UUID dependent = Api.createPatient();
        Map<String, Object> coverage = Api.coverageBody(insurer, "2020-01-01", null);
        coverage.put("relationship", "DEPENDENT");
        asAdmin().body(coverage).post("/api/v1/patients/{id}/coverages", dependent).then().statusCode(201);
        visit.signFor(dependent);
        visit.signFor(SignedVisit.insuredPatient(insurer));
        String paid = as(Tokens.insurer(insurer)).get("/api/v1/claims").then().extract().path("items[1].id");
        as(Tokens.insurer(insurer)).body(Map.of("outcome", "PAID", "paidCents", 7600, "reason", "80% coinsurance"))
                .post("/api/v1/claims/{id}/adjudication", paid).then().statusCode(200);
        String bundleJson = as(Tokens.insurer(insurer)).accept("application/fhir+json").get("/api/v1/claims")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/fhir+json"))
                .extract().asString();

        FhirContext r4 = FhirContext.forR4();
        var parser = r4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = parser.parseResource(Bundle.class, bundleJson);
        assertThat(bundle.getEntry()).hasSize(3); // two Claims and the adjudicated one's ClaimResponse
        Claim claim = (Claim) bundle.getEntryFirstRep().getResource();
        assertThat(claim.getTotal().getValue()).isEqualByComparingTo("95.00");
        assertThat(claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode()).isEqualTo("IMS-30");
        assertThat(claim.getInsuranceFirstRep().getFocal()).isTrue();
        assertThat(bundleJson).contains("\"code\":\"DEPENDENT\"").contains("\"text\":\"DEPENDENT\"")
                .contains(FhirClaims.REGISTRATION_SYSTEM + "/college-of-physical-therapists-of-bc")
                .contains("\"facility\":{\"reference\":\"#location\"}");
        ClaimResponse response = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ClaimResponse.class::isInstance).map(ClaimResponse.class::cast).findFirst().orElseThrow();
        assertThat(response.getRequest().getReference()).isEqualTo("urn:uuid:" + paid);
        assertThat(response.getPayment().getAmount().getValue()).isEqualByComparingTo("76.00");
        assertThat(response.getDisposition()).isEqualTo("Paid in part: 80% coinsurance");

        ValidationSupportChain support = new ValidationSupportChain(
                new org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain(r4.getValidationSupport()),
                new InMemoryTerminologyServerValidationSupport(r4),
                new CommonCodeSystemsTerminologyService(r4),
                new SnapshotGeneratingValidationSupport(r4));
        FhirValidator validator = r4.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        ValidationResult result = validator.validateWithResult(bundleJson);
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertThat(errors).isEmpty();

        // the same validator does catch a Claim without its required status
        String broken = bundleJson.replaceFirst("\"status\":\"active\",\"type\"", "\"type\"");
        assertThat(broken).isNotEqualTo(bundleJson);
        assertThat(validator.validateWithResult(broken).getMessages())
                .anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR && m.getMessage().contains("status"));
    }

    @Test
    void json_is_the_default_and_other_types_are_406() {
        UUID insurer = Api.createInsurer();
        io.restassured.RestAssured.given().auth().oauth2(Tokens.insurer(insurer)).get("/api/v1/claims")
                .then().statusCode(200).contentType("application/json");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.insurer(insurer)).accept("application/xml")
                .get("/api/v1/claims").then().statusCode(406).contentType("application/problem+json");
    }
}
