-- Rule texts the database states once and every caller names (V010). Repeatable: a change here is
-- applied by Flyway as a new checksum, never by copying the function into a new version.

-- The longest an appointment may last (Java: scheduling.Appointment.LONGEST; RuleTextTest ties
-- them). The overlap windows of booking_facts rely on it; the check constraints guarantee it.
create or replace function appointment_longest() returns interval language sql immutable parallel safe
    as $$ select interval '8 hours' $$;

-- Rule 1: a certification authorises needling in a modality on a date when it is ACTIVE, of that
-- modality, and valid that day (Java: practitioner.CertificationPolicy). A plain SQL function,
-- inlined by the planner, so the certification index still serves its callers.
create or replace function certification_authorises(c certification, p_modality varchar, p_date date)
    returns boolean language sql immutable parallel safe
    as $$ select c.modality = p_modality and c.status = 'ACTIVE' and c.valid_from <= p_date
                 and (c.valid_until is null or c.valid_until >= p_date) $$;

-- Rule 1 in the database: needling without an authorising certification is a regulated offence,
-- so no insert and no move (time, practitioner, service or location) of an appointment may leave a
-- needling service with a practitioner lacking an authorising certification on the appointment's
-- local date. Status changes (cancel, check in, no-show) are never blocked. The certification
-- rows relied on are share-locked, so a concurrent suspension waits for the booking and then sees
-- it (and reports it as affected).
create or replace function appointment_requires_certification() returns trigger language plpgsql as $$
declare
    v_zone     varchar;
    v_modality varchar;
begin
    if tg_op = 'UPDATE'
       and new.start_at = old.start_at and new.end_at = old.end_at
       and new.practitioner_id = old.practitioner_id and new.service_id = old.service_id
       and new.location_id = old.location_id then
        return new;
    end if;
    select time_zone into strict v_zone from location where id = new.location_id;
    new.local_date := (new.start_at at time zone v_zone)::date;
    select modality into strict v_modality from clinic_service where id = new.service_id;
    if v_modality is null then
        return new;
    end if;
    perform 1 from certification c
     where c.practitioner_id = new.practitioner_id and certification_authorises(c, v_modality, new.local_date)
       for share;
    if not found then
        raise exception 'practitioner % holds no active % certification valid on %',
            new.practitioner_id, v_modality, new.local_date
            using errcode = 'check_violation', constraint = 'appointment_practitioner_certified';
    end if;
    return new;
end;
$$;
