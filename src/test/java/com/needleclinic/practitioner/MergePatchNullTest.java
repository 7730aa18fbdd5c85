package com.needleclinic.practitioner;

import com.needleclinic.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * docs/rules.md "Merge patch": null clears an optional field; on a required field it is a 400,
 * never a fallback to the create default (a REVOKED certification must not become ACTIVE).
 */
@QuarkusTest
class MergePatchNullTest {

    private static final String CERTS = "/api/v1/practitioners/{id}/certifications";

    @Test
    void a_null_status_does_not_reactivate_a_revoked_certification() {
        UUID practitioner = Api.createPractitioner();
        UUID cert = Api.certify(practitioner, "IMS", "2020-01-01", null, "REVOKED");
        asAdmin().body("{\"status\": null}").patch(CERTS + "/{certId}", practitioner, cert).then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors.field", hasItem("status"));
        asAdmin().get(CERTS, practitioner).then().statusCode(200).body("items[0].status", equalTo("REVOKED"));
    }

    @Test
    void a_null_active_does_not_reactivate_a_practitioner() {
        UUID practitioner = Api.createPractitioner();
        asAdmin().body(Map.of("active", false)).patch("/api/v1/practitioners/{id}", practitioner).then().statusCode(200);
        asAdmin().body("{\"active\": null}").patch("/api/v1/practitioners/{id}", practitioner).then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors.field", hasItem("active"));
        asAdmin().get("/api/v1/practitioners/{id}", practitioner).then().body("active", equalTo(false));
    }

    @Test
    void a_null_on_an_optional_field_still_clears_it() {
        UUID practitioner = Api.createPractitioner();
        UUID cert = Api.certify(practitioner, "IMS", "2020-01-01", "2030-01-01", "ACTIVE");
        asAdmin().body("{\"validUntil\": null}").patch(CERTS + "/{certId}", practitioner, cert).then().statusCode(200)
                .body("validUntil", nullValue());
    }

    @Test
    void a_null_name_is_a_400_too() {
        UUID practitioner = Api.createPractitioner();
        asAdmin().body("{\"lastName\": null}").patch("/api/v1/practitioners/{id}", practitioner).then().statusCode(400)
                .body("errors.field", hasItem("lastName"));
    }
}
