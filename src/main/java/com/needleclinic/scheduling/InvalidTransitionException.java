package com.needleclinic.scheduling;

import com.needleclinic.shared.DomainException;

/** A lifecycle move that rule 4 does not allow from the appointment's current status. */
public class InvalidTransitionException extends DomainException {
    public InvalidTransitionException(String detail) {
        super(409, "invalid-transition", "Invalid transition", detail);
    }
}
