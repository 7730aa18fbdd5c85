package com.needleclinic.practitioner;

public enum CertificationStatus {
    ACTIVE, SUSPENDED, REVOKED
}
