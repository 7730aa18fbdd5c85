-- Direct-billing claims (API.md rule 6). A claim is a snapshot of what the insurer needs, taken when
-- the note is signed, so later edits of a patient or a price never rewrite a submitted claim.
-- It carries no clinical content.
create table claim (
    id                               uuid primary key,
    note_id                          uuid         not null references treatment_note (id),
    appointment_id                   uuid         not null references appointment (id),
    patient_id                       uuid         not null references patient (id),
    coverage_id                      uuid         not null references coverage (id),
    insurer_id                       uuid         not null references insurer (id),
    status                           varchar(16)  not null check (status in ('SUBMITTED','PAID','REJECTED')),
    service_date                     date         not null,
    patient_first_name               varchar(100) not null,
    patient_last_name                varchar(100) not null,
    patient_date_of_birth            date         not null,
    policy_number                    varchar(50)  not null,
    member_id                        varchar(50)  not null,
    relationship                     varchar(16)  not null,
    practitioner_name                varchar(201) not null,
    practitioner_discipline          varchar(32)  not null,
    practitioner_registration_number varchar(50)  not null,
    practitioner_province            varchar(2)   not null,
    service_name                     varchar(200) not null,
    billing_code                     varchar(32)  not null,
    modality                         varchar(32),
    amount_cents                     bigint       not null check (amount_cents >= 0),
    currency                         varchar(3)   not null,
    paid_cents                       bigint,
    rejection_reason                 varchar(500),
    adjudicated_at                   timestamptz,
    version                          bigint       not null default 0,
    created_at                       timestamptz  not null,
    -- Exactly one claim per visit, however often anything retries.
    constraint claim_one_per_appointment unique (appointment_id),
    constraint claim_one_per_note unique (note_id),
    constraint claim_adjudication_consistent check (
        (status = 'SUBMITTED' and adjudicated_at is null and paid_cents is null and rejection_reason is null)
        or (status = 'PAID' and adjudicated_at is not null and paid_cents between 0 and amount_cents)
        or (status = 'REJECTED' and adjudicated_at is not null and rejection_reason is not null))
);
create index claim_insurer_date on claim (insurer_id, service_date, id);
create index claim_date on claim (service_date, id);
