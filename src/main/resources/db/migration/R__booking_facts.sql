-- What one booking or move needs to decide rules 1-3, read in one call (BookingFactsRepository):
-- the patient, the practitioner's activity and certifications, the service, the location's zone,
-- the practitioner's weekly blocks, time off overlapping the slot, and whether practitioner or
-- patient already has an open appointment overlapping it. Repeatable: a change is made here.
--
-- Why a function, and why this shape (docs/performance.md, "Booking throughput"): booking is the
-- busiest write, and PostgreSQL spent more time planning the statement than running it. A generic
-- plan, built once per connection, removes that, but it is fixed from the statistics of the moment
-- it is built. So the statement has only one plan whatever the statistics say, and the function
-- pins it down: sequential scans are ruled out, and every subquery is answered by exactly one
-- index, the one leading with the key it looks up:
--  * patient, practitioner, service, location: primary keys; certifications and weekly blocks:
--    the practitioner index of each table; time off: its GiST index.
--  * rule 3's overlap pre-checks: for the practitioner, the (practitioner_id, end_at) index over a
--    window of end times; for the patient, the (patient_id, start_at) index over a window of start
--    times (two indexes of one shape could each serve the other's window, and the planner took the
--    wrong one on empty tables: BookingFactsPlanTest). An overlapping appointment lasts at most
--    appointment_longest() (a check constraint guarantees it), which bounds both windows. The
--    exclusion constraints remain the guarantee; this is the friendly path.
--  * rooms (V014): the room the visit would take, from free_room() below - or, with p_claim, the
--    room p_prefer names without a look (a practitioner's own room: the insert's exclusion
--    constraint and suitability trigger judge it, and the service tries again the long way round
--    if they refuse); and whether a room asked for is at the location.
-- Dates travel as days since 1970-01-01, times and instants as microseconds. p_self is the
-- appointment being moved (its own slot is no conflict), or an id that is no appointment's.
drop function if exists booking_facts(uuid, uuid, uuid, uuid, timestamptz, uuid);
create or replace function booking_facts(p_patient uuid, p_practitioner uuid, p_service uuid, p_location uuid,
                              p_start timestamptz, p_self uuid, p_room uuid, p_prefer uuid, p_claim boolean)
    returns json language plpgsql stable
    set plan_cache_mode = force_generic_plan
    set enable_seqscan = off
as $$
begin
    return (
        with slot as (
            select s.id as service_id, s.modality, s.duration_minutes, s.required_capabilities,
                   p_start as start_at, p_start + make_interval(mins => s.duration_minutes) as end_at
              from (select 1) one left join clinic_service s on s.id = p_service),
        bounds as (
            select slot.*, tstzrange(slot.start_at, slot.end_at, '[)') as span from slot)
        select json_build_object(
            'patientFound', exists (select 1 from patient p where p.id = p_patient),
            'practitioner', (select json_build_object('active', p.active, 'certifications', coalesce(
                    (select json_agg(json_build_object('modality', c.modality, 'status', c.status,
                            'validFrom', c.valid_from - date '1970-01-01', 'validUntil', c.valid_until - date '1970-01-01'))
                       from certification c where c.practitioner_id = p.id), '[]'::json))
                  from practitioner p where p.id = p_practitioner),
            'service', case when b.service_id is not null
                            then json_build_object('modality', b.modality, 'durationMinutes', b.duration_minutes,
                                                   'needsRoom', b.required_capabilities <> '') end,
            'roomAtLocation', p_room is null
                 or exists (select 1 from room r where r.location_id = p_location and r.id = p_room),
            'room', case when p_claim and p_room is null and b.required_capabilities <> '' then p_prefer
                         when b.required_capabilities <> '' or p_room is not null
                         then free_room(p_location, p_practitioner, b.required_capabilities, b.span, p_self, p_room,
                                        p_prefer) end,
            'location', (select json_build_object('timeZone', l.time_zone) from location l where l.id = p_location),
            'schedule', coalesce((select json_agg(json_build_object('locationId', e.location_id,
                    'day', e.day_of_week, 'start', (extract(epoch from e.start_time) * 1000000)::bigint,
                    'end', (extract(epoch from e.end_time) * 1000000)::bigint))
                  from schedule_entry e where e.practitioner_id = p_practitioner), '[]'::json),
            'timeOff', coalesce((select json_agg(json_build_object(
                    'start', (extract(epoch from t.start_at) * 1000000)::bigint,
                    'end', (extract(epoch from t.end_at) * 1000000)::bigint))
                  from time_off t where t.practitioner_id = p_practitioner
                   and tstzrange(t.start_at, t.end_at, '[)') && b.span), '[]'::json),
            'practitionerBusy', exists (select 1 from appointment a
                 where a.practitioner_id = p_practitioner and a.end_at > b.start_at and a.end_at < b.end_at + appointment_longest()
                   and tstzrange(a.start_at, a.end_at, '[)') && b.span
                   and a.status is distinct from 'CANCELLED' and a.id <> p_self),
            'patientBusy', exists (select 1 from appointment a
                 where a.patient_id = p_patient and a.start_at > b.start_at - appointment_longest() and a.start_at < b.end_at
                   and tstzrange(a.start_at, a.end_at, '[)') && b.span
                   and a.status is distinct from 'CANCELLED' and a.id <> p_self))
          from bounds b);
end $$;

-- The form before p_claim, for instances of that version still running during a rolling deploy:
-- the same facts, never claiming. Drop it once no such instance can be left.
create or replace function booking_facts(p_patient uuid, p_practitioner uuid, p_service uuid, p_location uuid,
                              p_start timestamptz, p_self uuid, p_room uuid, p_prefer uuid)
    returns json language sql stable
as $$
    select booking_facts(p_patient, p_practitioner, p_service, p_location, p_start, p_self, p_room, p_prefer, false)
$$;

-- The room a visit of [span) would take: the one asked for (p_room), else an active room of the
-- location with every capability required - the one preferred first (p_prefer: the visit's own
-- when moving it; the practitioner's home room, computed by the service, when booking), then from
-- the practitioner's home room on: the k-th practitioner working at the
-- location (by id) starts at the k-th suitable room (by id) and goes round. While a location has
-- at least as many suitable rooms as practitioners, everyone has a room of their own to start
-- from, so two desks booking different practitioners at once do not reach for the same room;
-- beyond that, the next free one. Null when none is free. The rooms are tried in that order and
-- the first free one is taken, so a visit usually costs one look at one room's visits (the
-- exclusion constraint's GiST index), not one per room of the location.
create or replace function free_room(p_location uuid, p_practitioner uuid, p_required text, p_span tstzrange,
                                     p_self uuid, p_room uuid, p_prefer uuid)
    returns uuid language plpgsql stable
    set enable_seqscan = off
as $$
declare
    v_room uuid;
    v_home integer;
begin
    -- The room preferred (the visit's own when moving it, the practitioner's home room when
    -- booking: the service works the latter out as below, from a cache), if usable and free: one
    -- look at one room, the common case.
    if p_room is null and p_prefer is not null
       and exists (select 1 from room r where r.id = p_prefer and r.location_id = p_location and r.active
                      and string_to_array(r.capabilities, ',') @> string_to_array(p_required, ','))
       and not exists (select 1 from appointment a
                        where a.room_id = p_prefer and tstzrange(a.start_at, a.end_at, '[)') && p_span
                          and a.status <> 'CANCELLED' and a.id <> p_self) then
        return p_prefer;
    end if;
    select count(distinct e.practitioner_id) into v_home
      from schedule_entry e where e.location_id = p_location and e.practitioner_id < p_practitioner;
    for v_room in
        select s.id from (
            select r.id, row_number() over (order by r.id) - 1 as k, count(*) over () as n
              from room r
             where r.location_id = p_location and r.active and (p_room is null or r.id = p_room)
               and string_to_array(r.capabilities, ',') @> string_to_array(p_required, ',')) s
         order by s.id is not distinct from p_prefer desc, (s.k - v_home % s.n + s.n) % s.n
    loop
        if not exists (select 1 from appointment a
                        where a.room_id = v_room and tstzrange(a.start_at, a.end_at, '[)') && p_span
                          and a.status <> 'CANCELLED' and a.id <> p_self) then
            return v_room;
        end if;
    end loop;
    return null;
end $$;
