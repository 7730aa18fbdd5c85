package com.needleclinic.billing;

import com.needleclinic.shared.KnownConstraints;
import com.needleclinic.shared.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

@ApplicationScoped
class BillingConstraints implements KnownConstraints {

    @Override
    public Map<String, Problem> problemsByConstraint() {
        Problem duplicate = Problem.of(409, "claim-exists", "Claim exists", "This visit already has its claim");
        return Map.of("claim_one_per_appointment", duplicate, "claim_one_per_note", duplicate,
                "claim_adjudicated_once", Problem.of(409, "already-adjudicated", "Already adjudicated",
                        "This claim was already adjudicated"));
    }
}
