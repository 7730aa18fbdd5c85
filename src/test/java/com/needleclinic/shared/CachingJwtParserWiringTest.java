package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Quarkus authenticates through the caching parser, and a remembered token still carries its roles. */
@QuarkusTest
class CachingJwtParserWiringTest {

    @Inject
    JWTParser parser;

    @Test
    void the_parser_quarkus_authenticates_with_is_the_caching_one() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
    }

    @Test
    void a_remembered_token_keeps_its_roles_and_a_tampered_one_is_refused() {
        String insurer = Tokens.insurer(UUID.randomUUID());
        String frontDesk = Tokens.frontDesk();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(insurer).get("/api/v1/locations").then().statusCode(403)
                    .body("code", equalTo("forbidden"));
            given().auth().oauth2(frontDesk).get("/api/v1/locations").then().statusCode(200);
        }
        String tampered = frontDesk.substring(0, frontDesk.length() - 2) + (frontDesk.endsWith("AA") ? "BB" : "AA");
        given().auth().oauth2(tampered).get("/api/v1/locations").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }
}
