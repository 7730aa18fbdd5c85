package com.needleclinic.shared;

import java.util.Base64;
import java.util.Optional;

/**
 * {@code CLINIC_WEBHOOKS_SECRET_KEY}: 32 random bytes in base64, the AES-256 key webhook signing
 * secrets are sealed with (webhooks.SecretBox). One rule for the start-up check and the sealing.
 */
public final class WebhookSecretKey {

    public static final String PROPERTY = "clinic.webhooks.secret-key";
    public static final String MALFORMED = "CLINIC_WEBHOOKS_SECRET_KEY must be 32 random bytes in base64"
            + " (openssl rand -base64 32)";

    private WebhookSecretKey() {
    }

    /** The key's 32 bytes, or empty when the value is not 32 bytes in base64. */
    public static Optional<byte[]> decode(String base64) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64.trim());
            return raw.length == 32 ? Optional.of(raw) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
