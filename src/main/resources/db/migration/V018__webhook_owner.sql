-- Who created a webhook subscription (the token subject). An integration (docs/events.md, "Who may
-- read events") sees and manages only its own; an admin every one. Subscriptions made before this
-- column have no owner and are the admins' alone.
alter table webhook_subscription add column owner_subject varchar(255);
create index webhook_subscription_owner on webhook_subscription (owner_subject, created_at, id);
