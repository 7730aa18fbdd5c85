-- The care circle (docs/rules.md): a practitioner reads a patient only while treating them, and a
-- practitioner's own booking never widens the circle. So an appointment records who booked it:
-- the front desk or an admin (DESK), or the practitioner themself (PRACTITIONER).
-- Existing appointments take the role of the audit event that created them; without one, DESK
-- (every appointment booked before this version had been booked by someone allowed to). The
-- service always names it; the default serves rows written in plain SQL (imports, benchmarks).
alter table appointment add column booked_by varchar(16) not null default 'DESK'
    check (booked_by in ('DESK', 'PRACTITIONER'));
update appointment a set booked_by = 'PRACTITIONER'
 where exists (select 1 from audit_event e
                where e.resource_type = 'APPOINTMENT' and e.resource_id = a.id and e.action = 'CREATE'
                  and e.outcome = 'SUCCESS' and e.role = 'practitioner');

-- "Who booked it" never changes.
create function appointment_booked_by_is_fixed() returns trigger language plpgsql as $$
begin
    if new.booked_by is distinct from old.booked_by then
        raise exception 'an appointment''s booked_by never changes' using errcode = 'check_violation',
            constraint = 'appointment_booked_by_fixed';
    end if;
    return new;
end $$;
create trigger appointment_booked_by_fixed before update of booked_by on appointment
    for each row execute function appointment_booked_by_is_fixed();
