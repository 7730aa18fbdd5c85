-- Weekly schedules, time off and appointments (API.md rules 1-4).

-- One row per weekly working block: local times in the location's time zone, so 09:00 stays
-- 09:00 across daylight-saving changes. day_of_week is ISO (1 = Monday).
create table schedule_entry (
    id              uuid primary key,
    practitioner_id uuid     not null references practitioner (id),
    location_id     uuid     not null references location (id),
    day_of_week     smallint not null check (day_of_week between 1 and 7),
    start_time      time     not null,
    end_time        time     not null,
    constraint schedule_entry_ordered check (end_time > start_time)
);
create index schedule_entry_practitioner on schedule_entry (practitioner_id);
create index schedule_entry_location on schedule_entry (location_id, day_of_week);

create table time_off (
    id              uuid primary key,
    practitioner_id uuid         not null references practitioner (id),
    start_at        timestamptz  not null,
    end_at          timestamptz  not null,
    reason          varchar(200),
    created_at      timestamptz  not null default now(),
    constraint time_off_ordered check (end_at > start_at)
);
create index time_off_practitioner on time_off using gist (practitioner_id, tstzrange(start_at, end_at, '[)'));

create table appointment (
    id              uuid primary key,
    patient_id      uuid         not null references patient (id),
    practitioner_id uuid         not null references practitioner (id),
    service_id      uuid         not null references clinic_service (id),
    location_id     uuid         not null references location (id),
    start_at        timestamptz  not null,
    end_at          timestamptz  not null,
    -- The appointment's date at its location; set by the trigger below from the location's zone.
    local_date      date         not null,
    status          varchar(16)  not null check (status in ('BOOKED','CHECKED_IN','COMPLETED','CANCELLED','NO_SHOW')),
    cancel_reason   varchar(500),
    cancelled_at    timestamptz,
    cancelled_late  boolean,
    version         bigint       not null default 0,
    created_at      timestamptz  not null default now(),
    constraint appointment_ordered check (end_at > start_at),
    constraint appointment_cancellation_complete check (
        (status = 'CANCELLED') = (cancelled_at is not null and cancelled_late is not null)),
    -- Rule 3: never double-booked, under any concurrency and across instances. Half-open ranges,
    -- so back-to-back appointments (end = next start) do not overlap; a cancelled one frees its slot.
    constraint appointment_practitioner_no_overlap exclude using gist (
        practitioner_id with =, tstzrange(start_at, end_at, '[)') with &&) where (status <> 'CANCELLED'),
    constraint appointment_patient_no_overlap exclude using gist (
        patient_id with =, tstzrange(start_at, end_at, '[)') with &&) where (status <> 'CANCELLED')
);
create index appointment_practitioner_date on appointment (practitioner_id, local_date);
create index appointment_patient_date on appointment (patient_id, local_date);
create index appointment_future_open on appointment (start_at) where status in ('BOOKED','CHECKED_IN');

-- Rule 1 in the database: needling without an authorising certification is a regulated offence,
-- so no insert and no move (time, practitioner, service or location) of an appointment may leave a
-- needling service with a practitioner lacking an ACTIVE certification of its modality valid on the
-- appointment's local date. Status changes (cancel, check in, no-show) are never blocked. The
-- certification rows relied on are share-locked, so a concurrent suspension waits for the booking
-- and then sees it (and reports it as affected).
create function appointment_requires_certification() returns trigger language plpgsql as $$
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
     where c.practitioner_id = new.practitioner_id and c.modality = v_modality and c.status = 'ACTIVE'
       and c.valid_from <= new.local_date and (c.valid_until is null or c.valid_until >= new.local_date)
       for share;
    if not found then
        raise exception 'practitioner % holds no active % certification valid on %',
            new.practitioner_id, v_modality, new.local_date
            using errcode = 'check_violation', constraint = 'appointment_practitioner_certified';
    end if;
    return new;
end;
$$;

create trigger appointment_practitioner_certified
    before insert or update on appointment
    for each row execute function appointment_requires_certification();
