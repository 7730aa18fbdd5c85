package com.needleclinic.practitioner;

/** The regulated profession a practitioner is registered in. */
public enum Discipline {
    PHYSIOTHERAPIST, CHIROPRACTOR, PHYSICIAN, ACUPUNCTURIST, OSTEOPATH, MASSAGE_THERAPIST
}
