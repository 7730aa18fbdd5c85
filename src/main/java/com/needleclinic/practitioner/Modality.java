package com.needleclinic.practitioner;

/** Needling techniques that need a certification before a practitioner may perform them. */
public enum Modality {
    /** Gunn intramuscular stimulation. */
    IMS,
    /** Trigger-point dry needling. */
    DRY_NEEDLING,
    ACUPUNCTURE
}
