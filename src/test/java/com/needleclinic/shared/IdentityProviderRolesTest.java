package com.needleclinic.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityProviderRolesTest {

    @Test
    void reads_name_role_pairs_including_group_paths() {
        List<String> problems = new ArrayList<>();
        assertThat(IdentityProviderRoles.parse(List.of("clinic-admin=admin", " /clinic/front-desk = front-desk"), problems))
                .containsEntry("clinic-admin", "admin").containsEntry("/clinic/front-desk", "front-desk");
        assertThat(problems).isEmpty();
    }

    @Test
    void a_malformed_pair_or_unknown_role_names_the_setting() {
        List<String> problems = new ArrayList<>();
        IdentityProviderRoles.parse(List.of("clinic-admin", "x=superuser", "=admin"), problems);
        assertThat(problems).hasSize(3).allMatch(p -> p.startsWith("CLINIC_AUTH_ROLE_MAP: "));
    }
}
