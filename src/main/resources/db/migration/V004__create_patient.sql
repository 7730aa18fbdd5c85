-- Patients, their insurance coverages and their per-modality needling consents.
create extension if not exists pg_trgm;

create table patient (
    id            uuid primary key,
    first_name    varchar(100) not null check (length(btrim(first_name)) > 0),
    last_name     varchar(100) not null check (length(btrim(last_name)) > 0),
    date_of_birth date         not null check (date_of_birth >= date '1900-01-01'),
    email         varchar(254),
    phone         varchar(30),
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    -- What name search matches against; trigram-indexed so a substring search stays fast.
    search_name   varchar(201) generated always as (lower(first_name || ' ' || last_name)) stored
);
create index patient_search_name_trgm on patient using gin (search_name gin_trgm_ops);
-- Duplicate detection: same name (any case) and date of birth.
create index patient_identity on patient (lower(first_name), lower(last_name), date_of_birth);

create table coverage (
    id            uuid primary key,
    patient_id    uuid         not null references patient (id),
    insurer_id    uuid         not null references insurer (id),
    policy_number varchar(50)  not null check (length(btrim(policy_number)) > 0),
    member_id     varchar(50)  not null check (length(btrim(member_id)) > 0),
    relationship  varchar(16)  not null check (relationship in ('SELF','SPOUSE','DEPENDENT')),
    valid_from    date         not null,
    valid_until   date,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    constraint coverage_validity_ordered check (valid_until is null or valid_until >= valid_from)
);
create index coverage_patient on coverage (patient_id, id);
create index coverage_insurer on coverage (insurer_id);

create table consent (
    id           uuid primary key,
    patient_id   uuid        not null references patient (id),
    modality     varchar(32) not null check (modality in ('IMS','DRY_NEEDLING','ACUPUNCTURE')),
    given_on     date        not null,
    withdrawn_on date,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    constraint consent_withdrawal_after_given check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index consent_patient on consent (patient_id, id);
