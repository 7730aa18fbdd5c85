package com.needleclinic.treatment;

import java.util.UUID;

/** Fired inside the signing transaction, so what observers write commits or rolls back with the signature. */
public record NoteSigned(UUID noteId, UUID appointmentId) {
}
