-- Treatment notes (API.md rule 5): SOAP text plus a structured needling record, one per
-- appointment, written by the appointment's practitioner, signed once, then never changed.
create table treatment_note (
    id              uuid primary key,
    appointment_id  uuid         not null references appointment (id),
    patient_id      uuid         not null references patient (id),
    practitioner_id uuid         not null references practitioner (id),
    status          varchar(16)  not null check (status in ('DRAFT','SIGNED')),
    subjective      text         check (length(subjective) <= 10000),
    objective       text         check (length(objective) <= 10000),
    assessment      text         check (length(assessment) <= 10000),
    plan            text         check (length(plan) <= 10000),
    pain_before     integer      check (pain_before between 0 and 10),
    pain_after      integer      check (pain_after between 0 and 10),
    needling        jsonb,
    signed_at       timestamptz,
    signed_by       uuid,
    version         bigint       not null default 0,
    created_at      timestamptz  not null default now(),
    constraint treatment_note_one_per_appointment unique (appointment_id),
    constraint treatment_note_signature_complete check ((status = 'SIGNED') = (signed_at is not null and signed_by is not null))
);
create index treatment_note_patient on treatment_note (patient_id, id);

create table treatment_note_amendment (
    id       uuid primary key,
    note_id  uuid         not null references treatment_note (id),
    reason   varchar(500) not null check (length(btrim(reason)) > 0),
    text     text         not null check (length(btrim(text)) > 0 and length(text) <= 10000),
    at       timestamptz  not null,
    by       uuid         not null
);
create index treatment_note_amendment_note on treatment_note_amendment (note_id, id);

-- History cannot be rewritten, not even by a bug in the service: a signed note is never updated
-- or deleted, and amendments are append-only.
create function treatment_note_signed_is_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'SIGNED' then
        raise exception 'treatment note % is signed: % refused', old.id, tg_op
            using errcode = 'check_violation', constraint = 'treatment_note_signed_immutable';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger treatment_note_signed_immutable
    before update or delete on treatment_note
    for each row execute function treatment_note_signed_is_immutable();

create function treatment_note_amendment_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'treatment note amendments are append-only: % refused', tg_op
        using errcode = 'check_violation', constraint = 'treatment_note_amendment_append_only';
end;
$$;

create trigger treatment_note_amendment_append_only
    before update or delete on treatment_note_amendment
    for each row execute function treatment_note_amendment_is_append_only();

create trigger treatment_note_amendment_no_truncate
    before truncate on treatment_note_amendment
    for each statement execute function treatment_note_amendment_is_append_only();

create trigger treatment_note_no_truncate
    before truncate on treatment_note
    for each statement execute function treatment_note_amendment_is_append_only();
