-- What an extended-health claims system needs to settle a claim (docs/rules.md, rule 6): the
-- practitioner's regulatory college beside the registration number, the clinic location that
-- delivered the service, and the insurer's own code - frozen at signing like the rest.
alter table claim add column practitioner_registration_body varchar(200);
alter table claim add column location_name varchar(200);
alter table claim add column location_province varchar(2);
alter table claim add column insurer_code varchar(32);

-- Claims already submitted take today's values of the same facts (they have not changed shape).
alter table claim disable trigger claim_guarded;
update claim c set practitioner_registration_body = p.registration_body, location_name = l.name,
                   location_province = l.province, insurer_code = i.code
  from appointment a, practitioner p, location l, insurer i
 where a.id = c.appointment_id and p.id = a.practitioner_id and l.id = a.location_id and i.id = c.insurer_id;
alter table claim enable trigger claim_guarded;

alter table claim alter column practitioner_registration_body set not null;
alter table claim alter column location_name set not null;
alter table claim alter column location_province set not null;
alter table claim alter column insurer_code set not null;

-- No claim carries a future service date: a visit is billed once it has happened (its note is
-- signed only once it was checked in, on its day, or has started). One day of slack covers the
-- zones east of UTC.
alter table claim add constraint claim_service_date_not_future
    check (service_date <= (created_at at time zone 'UTC')::date + 1);

-- The new facts are frozen like the others.
create or replace function claim_is_guarded() returns trigger language plpgsql as $$
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
