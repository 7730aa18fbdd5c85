-- Claims are guarded by the database like signed notes (docs/rules.md, rule 6): what was billed -
-- amount, service, patient, coverage, practitioner, the visit - never changes after the claim is
-- created, and its adjudication is written once: from SUBMITTED to PAID or REJECTED, never back,
-- never again. Claims are never deleted. The service's own checks give the friendly errors
-- (409 already-adjudicated); these triggers are the guarantee against any other writer.

-- The insurer's reason is kept for every adjudication, not only a rejection ("80% coinsurance"),
-- and is required for a rejection and for a partial payment.
alter table claim rename column rejection_reason to adjudication_reason;
alter table claim add constraint claim_partial_payment_has_reason
    check (status <> 'PAID' or paid_cents = amount_cents or adjudication_reason is not null);

-- What an extended-health claims system needs to settle a claim: the practitioner's regulatory
-- college beside the registration number, the clinic location that delivered the service, and the
-- insurer's own code - frozen at signing like the rest. Claims already submitted take today's
-- values of the same facts.
alter table claim add column practitioner_registration_body varchar(200);
alter table claim add column location_name varchar(200);
alter table claim add column location_province varchar(2);
alter table claim add column insurer_code varchar(32);
update claim c set practitioner_registration_body = p.registration_body, location_name = l.name,
                   location_province = l.province, insurer_code = i.code
  from appointment a, practitioner p, location l, insurer i
 where a.id = c.appointment_id and p.id = a.practitioner_id and l.id = a.location_id and i.id = c.insurer_id;
alter table claim alter column practitioner_registration_body set not null;
alter table claim alter column location_name set not null;
alter table claim alter column location_province set not null;
alter table claim alter column insurer_code set not null;

-- No claim carries a future service date: a visit is billed once it has happened (its note is
-- signed only once it was checked in, on its day, or has started). One day of slack covers the
-- zones east of UTC.
alter table claim add constraint claim_service_date_not_future
    check (service_date <= (created_at at time zone 'UTC')::date + 1);

create function claim_is_guarded() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'claims are never deleted' using errcode = 'check_violation', constraint = 'claim_guarded';
    end if;
    if (new.id, new.note_id, new.appointment_id, new.patient_id, new.coverage_id, new.insurer_id, new.service_date,
        new.patient_first_name, new.patient_last_name, new.patient_date_of_birth, new.policy_number, new.member_id,
        new.relationship, new.practitioner_name, new.practitioner_discipline, new.practitioner_registration_number,
        new.practitioner_province, new.service_name, new.billing_code, new.modality, new.amount_cents, new.currency,
        new.created_at, new.practitioner_registration_body, new.location_name, new.location_province, new.insurer_code)
       is distinct from
       (old.id, old.note_id, old.appointment_id, old.patient_id, old.coverage_id, old.insurer_id, old.service_date,
        old.patient_first_name, old.patient_last_name, old.patient_date_of_birth, old.policy_number, old.member_id,
        old.relationship, old.practitioner_name, old.practitioner_discipline, old.practitioner_registration_number,
        old.practitioner_province, old.service_name, old.billing_code, old.modality, old.amount_cents, old.currency,
        old.created_at, old.practitioner_registration_body, old.location_name, old.location_province, old.insurer_code) then
        raise exception 'claim % : what was billed never changes', old.id
            using errcode = 'check_violation', constraint = 'claim_guarded';
    end if;
    if old.status <> 'SUBMITTED'
       and (new.status, new.paid_cents, new.adjudication_reason, new.adjudicated_at)
           is distinct from (old.status, old.paid_cents, old.adjudication_reason, old.adjudicated_at) then
        raise exception 'claim % : an adjudication is written once', old.id
            using errcode = 'check_violation', constraint = 'claim_adjudicated_once';
    end if;
    return new;
end $$;

create trigger claim_guarded before update or delete on claim
    for each row execute function claim_is_guarded();
create trigger claim_no_truncate before truncate on claim
    for each statement execute function claim_is_guarded();

-- Amendments correct a signed note (rule 5); a draft is corrected by replacing it, so the database
-- refuses an amendment of a note that is not signed.
create function treatment_note_amendment_needs_signed_note() returns trigger language plpgsql as $$
begin
    perform 1 from treatment_note n where n.id = new.note_id and n.status = 'SIGNED';
    if not found then
        raise exception 'amendments are for signed notes' using errcode = 'check_violation',
            constraint = 'treatment_note_amendment_signed_only';
    end if;
    return new;
end $$;

create trigger treatment_note_amendment_signed_only before insert on treatment_note_amendment
    for each row execute function treatment_note_amendment_needs_signed_note();
