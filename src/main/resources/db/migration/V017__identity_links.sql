-- Linking identity-provider accounts to the service's own parties (docs/security.md, "Identity
-- providers"): a token whose subject is linked acts as that practitioner or insurer client, so an
-- identity provider need not hold the service's UUIDs.
--
-- One row per subject, and the subject is the key: a subject acts as exactly one party, never as
-- two practitioners or as a practitioner and an insurer at once. A practitioner has at most one
-- subject; an insurer as many as it has API clients.
create table identity_link (
    subject          varchar(255) not null check (length(btrim(subject)) > 0),
    practitioner_id  uuid references practitioner (id),
    insurer_id       uuid references insurer (id),
    created_at       timestamptz not null default now(),
    constraint identity_link_subject_once primary key (subject),
    constraint identity_link_one_party check (num_nonnulls(practitioner_id, insurer_id) = 1),
    constraint identity_link_one_per_practitioner unique (practitioner_id)
);
create index identity_link_insurer on identity_link (insurer_id) where insurer_id is not null;
