package com.needleclinic.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Which patient a resource is about, for audit rows written where only the resource is known (a
 * role-denied call on {@code /appointments/{id}}). Each feature that owns patient data answers for
 * its own resource types; the audit feature knows none of their tables.
 */
public interface PatientOfResource {

    /** The patient of resource {@code id} of {@code resourceType}, if this feature owns that type and it exists. */
    Optional<UUID> patientOf(String resourceType, UUID id);
}
