package com.needleclinic.webhooks;

import com.needleclinic.shared.WebhookSecretKey;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Webhook signing secrets at rest (docs/security.md, "Events and webhooks"): sealed with AES-256-GCM
 * under {@code CLINIC_WEBHOOKS_SECRET_KEY} before they reach the database, opened only to sign a
 * delivery. A copy of the database alone cannot forge a clinic's webhooks. The subscription id is
 * the additional data, so a sealed secret moved to another row does not open. Secrets written
 * before sealing ({@code whsec_...}) are sealed at start.
 */
@ApplicationScoped
class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();

    SecretBox(WebhookConfig config, EntityManager em) {
        this.key = new SecretKeySpec(config.secretKey().flatMap(WebhookSecretKey::decode)
                .orElseThrow(() -> new IllegalStateException(WebhookSecretKey.MALFORMED)), "AES");
        this.em = em;
    }

    String seal(UUID subscription, String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, subscription);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    /** The secret, from its sealed form (or, for a row written before sealing, as it is). */
    String open(UUID subscription, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] box = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(box, IV_BYTES), subscription);
            return new String(cipher.doFinal(box, IV_BYTES, box.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("webhook secret of subscription " + subscription
                    + " does not open with CLINIC_WEBHOOKS_SECRET_KEY (was the key changed?)");
        }
    }

    private Cipher cipher(int mode, byte[] iv, UUID subscription) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(subscription.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** Seals the secrets stored in plain text by 1.0.0, once, at start (any instance; idempotent). */
    void sealLegacy(@Observes StartupEvent start) {
        int sealed = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> plain = em.createNativeQuery("""
                    select id, secret, previous_secret from webhook_subscription
                     where secret not like 'v1:%' or previous_secret not like 'v1:%' for update
                    """, Tuple.class).getResultList();
            for (Tuple row : plain) {
                UUID id = row.get(0, UUID.class);
                String previous = row.get(2, String.class);
                em.createNativeQuery("update webhook_subscription set secret = :secret, previous_secret = :previous"
                                + " where id = :id")
                        .setParameter("secret", sealIfPlain(id, row.get(1, String.class)))
                        .setParameter("previous", previous == null ? null : sealIfPlain(id, previous))
                        .setParameter("id", id).executeUpdate();
            }
            return plain.size();
        });
        if (sealed > 0) {
            Log.infof("Sealed the webhook secrets of %d subscriptions written before 1.1.0", sealed);
        }
    }

    private String sealIfPlain(UUID id, String value) {
        return value.startsWith(PREFIX) ? value : seal(id, value);
    }
}
