-- Reference data: locations, practitioners and their needling certifications, services, insurers.
-- btree_gist lets later migrations put exclusion constraints on (practitioner, time range).
create extension if not exists btree_gist;

create table location (
    id          uuid primary key,
    name        varchar(200) not null check (length(btrim(name)) > 0),
    time_zone   varchar(64)  not null,
    province    varchar(2)   not null check (province in ('AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT')),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now()
);

create table practitioner (
    id                  uuid primary key,
    first_name          varchar(100) not null check (length(btrim(first_name)) > 0),
    last_name           varchar(100) not null check (length(btrim(last_name)) > 0),
    discipline          varchar(32)  not null check (discipline in ('PHYSIOTHERAPIST','CHIROPRACTOR','PHYSICIAN',
                                                                    'ACUPUNCTURIST','OSTEOPATH','MASSAGE_THERAPIST')),
    registration_number varchar(50)  not null check (length(btrim(registration_number)) > 0),
    registration_body   varchar(200) not null check (length(btrim(registration_body)) > 0),
    province            varchar(2)   not null check (province in ('AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT')),
    active              boolean      not null default true,
    version             bigint       not null default 0,
    created_at          timestamptz  not null default now(),
    -- A college issues each registration number once.
    constraint practitioner_registration_unique unique (registration_body, registration_number)
);

create table certification (
    id                uuid primary key,
    practitioner_id   uuid         not null references practitioner (id),
    modality          varchar(32)  not null check (modality in ('IMS','DRY_NEEDLING','ACUPUNCTURE')),
    issuing_body      varchar(200) not null check (length(btrim(issuing_body)) > 0),
    credential_number varchar(100) not null check (length(btrim(credential_number)) > 0),
    valid_from        date         not null,
    valid_until       date,
    status            varchar(16)  not null check (status in ('ACTIVE','SUSPENDED','REVOKED')),
    version           bigint       not null default 0,
    created_at        timestamptz  not null default now(),
    constraint certification_validity_ordered check (valid_until is null or valid_until >= valid_from)
);
create index certification_practitioner_modality on certification (practitioner_id, modality);
create index certification_modality_active on certification (modality, valid_from) where status = 'ACTIVE';

create table clinic_service (
    id               uuid primary key,
    name             varchar(200) not null check (length(btrim(name)) > 0),
    modality         varchar(32)  check (modality in ('IMS','DRY_NEEDLING','ACUPUNCTURE')),
    duration_minutes integer      not null check (duration_minutes between 5 and 480 and duration_minutes % 5 = 0),
    price_cents      bigint       not null check (price_cents between 0 and 100000000),
    currency         varchar(3)   not null check (currency = 'CAD'),
    billing_code     varchar(32)  not null check (length(btrim(billing_code)) > 0),
    version          bigint       not null default 0,
    created_at       timestamptz  not null default now()
);

create table insurer (
    id          uuid primary key,
    name        varchar(200) not null check (length(btrim(name)) > 0),
    code        varchar(32)  not null check (length(btrim(code)) > 0),
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    constraint insurer_code_unique unique (code)
);
