package com.needleclinic.events;

import java.util.OptionalLong;

/**
 * A reader of the feed that still needs events: the purge never removes a sequence above the
 * lowest one a hold names (webhooks: the least acknowledged sequence of an active subscription).
 */
public interface RetentionHold {

    /** The last sequence this reader has consumed, below which it needs nothing; empty if it needs nothing. */
    OptionalLong consumedThrough();
}
