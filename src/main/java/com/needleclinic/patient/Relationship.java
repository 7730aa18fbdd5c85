package com.needleclinic.patient;

/** The patient's relationship to the plan member who holds the policy. */
public enum Relationship {
    SELF, SPOUSE, DEPENDENT
}
