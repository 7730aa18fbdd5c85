package com.needleclinic.billing;

import java.time.LocalDate;
import java.util.UUID;

/** The facts a claim freezes at signing time. */
record ClaimSnapshot(UUID noteId, UUID appointmentId, UUID patientId, UUID coverageId, UUID insurerId,
                     LocalDate serviceDate, String patientFirstName, String patientLastName,
                     LocalDate patientDateOfBirth, String policyNumber, String memberId, String relationship,
                     String practitionerName, String practitionerDiscipline, String practitionerRegistrationNumber,
                     String practitionerProvince, String serviceName, String billingCode, String modality,
                     long amountCents, String currency, String practitionerRegistrationBody, String locationName,
                     String locationProvince, String insurerCode) {
}
