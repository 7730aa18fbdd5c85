-- Webhook signing secrets are stored sealed (AES-256-GCM under CLINIC_WEBHOOKS_SECRET_KEY, see
-- webhooks.SecretBox): "v1:" and the base64 of nonce, ciphertext and tag, longer than the secret.
-- 1.0.0's plain secrets are sealed by the service at its first start.
alter table webhook_subscription alter column secret type varchar(200);
alter table webhook_subscription alter column previous_secret type varchar(200);
