package com.needleclinic.practitioner;

import com.needleclinic.shared.KnownConstraints;
import com.needleclinic.shared.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

@ApplicationScoped
class PractitionerConstraints implements KnownConstraints {

    @Override
    public Map<String, Problem> problemsByConstraint() {
        return Map.of("practitioner_registration_unique", PractitionerService.duplicateRegistration().toProblem(),
                "identity_link_subject_once", PractitionerService.subjectLinked().toProblem());
    }
}
