package com.needleclinic.billing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** PAID needs {@code paidCents} (0 to the claimed amount); REJECTED needs a {@code reason}. */
public record AdjudicationRequest(@NotNull Outcome outcome, @Min(0) Long paidCents, @Size(max = 500) String reason) {

    public enum Outcome { PAID, REJECTED }

    @AssertTrue(message = "is required when the outcome is PAID")
    private boolean isPaidCentsPresent() {
        return outcome != Outcome.PAID || paidCents != null;
    }

    @AssertTrue(message = "is required when the outcome is REJECTED")
    private boolean isReasonPresent() {
        return outcome != Outcome.REJECTED || (reason != null && !reason.isBlank());
    }
}
