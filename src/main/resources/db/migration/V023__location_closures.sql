-- Clinic-wide closures (docs/rules.md, "Front desk"): a holiday, a renovation. No visit is booked,
-- moved or offered into one; a closure made over booked visits flags them for the desk.

create table location_closure (
    id          uuid primary key,
    location_id uuid not null references location (id),
    period      tstzrange not null check (not isempty(period) and lower(period) is not null and upper(period) is not null),
    reason      varchar(200) not null check (length(btrim(reason)) > 0),
    created_at  timestamptz not null default now(),
    -- Two closures of one location never overlap: one period says it, and a list reads plainly.
    constraint location_closure_no_overlap exclude using gist (location_id with =, period with &&)
);

-- The guarantee behind the service's 422 location-closed: a visit is not placed or moved into a
-- closure, whatever the Java check saw. A closure and a booking at one location take turns: the
-- closure holds the location's key exclusively while it is written (and flags what it strands),
-- bookings share it, so a booking either commits before the closure (and is flagged by it) or
-- sees it. Status changes (cancel, check-in, no-show) are never blocked.
create or replace function appointment_outside_closure() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and new.start_at = old.start_at and new.end_at = old.end_at and new.location_id = old.location_id then
        return new;
    end if;
    if new.status = 'CANCELLED' then
        return new;
    end if;
    perform pg_advisory_xact_lock_shared(7322, hashtext(new.location_id::text));
    if exists (select 1 from location_closure c
                where c.location_id = new.location_id and c.period && tstzrange(new.start_at, new.end_at, '[)')) then
        raise exception 'location % is closed at %', new.location_id, new.start_at
            using errcode = 'check_violation', constraint = 'appointment_outside_closure';
    end if;
    return new;
end $$;

create trigger appointment_outside_closure
    before insert or update of start_at, end_at, location_id on appointment
    for each row execute function appointment_outside_closure();

-- Whether a closure of the location overlaps a visit of the service starting then: the friendly
-- check, read in the booking's one statement beside booking_facts (BookingFactsRepository). A
-- function of its own, so that booking_facts answers instances of the previous version exactly
-- as before during a rolling deploy. The closure exclusion constraint's GiST index answers it.
create function location_closed(p_location uuid, p_service uuid, p_start timestamptz) returns boolean
    language sql stable parallel safe as $$
    select exists (select 1 from location_closure c, clinic_service s
                    where s.id = p_service and c.location_id = p_location
                      and c.period && tstzrange(p_start, p_start + make_interval(mins => s.duration_minutes), '[)'))
$$;
