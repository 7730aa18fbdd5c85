package com.needleclinic.scheduling;

import com.needleclinic.shared.DomainException;

/** A waitlist offer answered after it ended: it expired, or was declined or withdrawn, and the slot may be someone else's. */
public class OfferExpiredException extends DomainException {
    public OfferExpiredException() {
        super(409, "offer-expired", "Offer expired",
                "The offer has ended (it expired, or was declined or withdrawn) and its slot may be offered to someone else");
    }
}
