-- Rooms and equipment (docs/rules.md, "Rooms"): needling is done on a treatment bed, electrical
-- stimulation needs a unit, and a clinic has fewer beds than practitioners. A service may require
-- capabilities; a visit of such a service holds a room of its location that has them all.

-- Capabilities are a sorted, comma-separated set of upper-case names (TREATMENT_BED,
-- ELECTRICAL_STIMULATION, PRIVATE, ...; the set is open); '' is none.
create table room (
    id           uuid primary key,
    location_id  uuid         not null references location,
    name         varchar(100) not null,
    capabilities varchar(500) not null default '',
    active       boolean      not null default true,
    version      bigint       not null,
    constraint room_capabilities_format check (capabilities ~ '^([A-Z][A-Z0-9_]{0,39}(,[A-Z][A-Z0-9_]{0,39})*)?$'),
    constraint room_name_unique unique (location_id, name),
    -- the target of appointment's (room_id, location_id) reference: a visit's room is at its location
    constraint room_at_location unique (id, location_id)
);

alter table clinic_service add column required_capabilities varchar(500) not null default ''
    constraint clinic_service_capabilities_format
        check (required_capabilities ~ '^([A-Z][A-Z0-9_]{0,39}(,[A-Z][A-Z0-9_]{0,39})*)?$');

alter table appointment add column room_id uuid;
alter table appointment add constraint appointment_room_at_location
    foreign key (room_id, location_id) references room (id, location_id);

-- The guarantee: no two non-cancelled visits share a room at overlapping times, whichever instance
-- books them. The service's own check gives the friendly answer; this is the one that holds.
alter table appointment add constraint appointment_room_no_overlap exclude using gist (
    room_id with =, tstzrange(start_at, end_at, '[)') with &&) where (status <> 'CANCELLED' and room_id is not null);

-- A visit placed in a room (booked, moved, or put in another room) needs a room that is active and
-- holds every capability its service requires; a visit of a service that requires some needs a
-- room. Checked when the visit is placed: a room deactivated later flags its visits instead
-- (needsAttention), it does not refuse their check-in.
create function appointment_room_is_suitable() returns trigger language plpgsql as $$
declare
    v_required text;
begin
    if new.status = 'CANCELLED' or (tg_op = 'UPDATE' and (new.room_id, new.start_at, new.end_at, new.service_id)
            is not distinct from (old.room_id, old.start_at, old.end_at, old.service_id)) then
        return new;
    end if;
    select required_capabilities into v_required from clinic_service where id = new.service_id;
    if new.room_id is null then
        if v_required <> '' then
            raise exception 'appointment % needs a room with %', new.id, v_required
                using errcode = 'check_violation', constraint = 'appointment_room_suitable';
        end if;
        return new;
    end if;
    if not exists (select 1 from room r where r.id = new.room_id and r.active
                     and string_to_array(r.capabilities, ',') @> string_to_array(v_required, ',')) then
        raise exception 'room % is inactive or lacks %', new.room_id, v_required
            using errcode = 'check_violation', constraint = 'appointment_room_suitable';
    end if;
    return new;
end;
$$;

create trigger appointment_room_suitable
    before insert or update of room_id, start_at, end_at, service_id on appointment
    for each row execute function appointment_room_is_suitable();
