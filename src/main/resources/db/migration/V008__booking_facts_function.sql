-- What one booking or move needs to decide rules 1-3, read in one call (BookingFactsRepository):
-- the patient, the practitioner's activity and certifications, the service, the location's zone,
-- the practitioner's weekly blocks, time off overlapping the slot, and whether practitioner or
-- patient already has an open appointment overlapping it.
--
-- Why a function: booking is the busiest write of the product, and PostgreSQL spent more time
-- planning this statement for every booking than running it (docs/performance.md, "Booking
-- throughput"). A generic plan, built once per connection and cached, removes that cost, but it is
-- fixed from the statistics of the moment it is built: if another plan would win once the tables
-- fill up, the cached one is never revisited (not at all where autovacuum is off). So the
-- statement is written so that it has only one plan whatever the statistics say, and the function
-- pins that down: sequential scans are ruled out, and every subquery can be answered by exactly one
-- index, the one leading with the key it looks up:
--
--  * patient, practitioner, service, location: primary keys; certifications and weekly blocks:
--    the practitioner index of each table; time off: its GiST index (the only other index there).
--  * the overlap pre-checks of rule 3 (appointment): for the practitioner, the (practitioner_id,
--    local_date) index over a window of dates; for the patient, a (patient_id, start_at) index (it
--    replaces (patient_id, local_date); the appointment list's patient filter is served as well) over a window
--    of start times. Each test leaves the other index nothing to match - the practitioner one
--    names no start_at, the patient one no local_date - and the overlap itself is tested on the
--    range expression of the exclusion constraints with `is distinct from 'CANCELLED'`, which does
--    not prove their partial-index predicate `status <> 'CANCELLED'`: their two GiST indexes could
--    each serve either query, and from an empty table the planner picks the wrong one.
--    The windows: an overlapping appointment starts before this one ends and, lasting at most
--    8 hours (services do), less than 8 hours before this one starts; local_date is the start's
--    date in some time zone, so within a day of its UTC date. Should an appointment ever fall
--    outside, the exclusion constraint still refuses the booking, with the same answer (the
--    constraint is the guarantee; this is the friendly path).

drop index appointment_patient_date;
create index appointment_patient_start on appointment (patient_id, start_at);

-- Dates travel as days since 1970-01-01, times and instants as microseconds: numbers are cheaper to
-- read than text. The slot is [p_start, p_start + the service's length); p_self is the appointment
-- being moved (its own slot is no conflict), or an id that is no appointment's when booking. The
-- SET clauses apply only while the function runs.
create function booking_facts(p_patient uuid, p_practitioner uuid, p_service uuid, p_location uuid,
                              p_start timestamptz, p_self uuid)
    returns json language plpgsql stable
    set plan_cache_mode = force_generic_plan
    set enable_seqscan = off
as $$
begin
    return (
        with slot as (
            select s.id as service_id, s.modality, s.duration_minutes,
                   p_start as start_at, p_start + make_interval(mins => s.duration_minutes) as end_at
              from (select 1) one left join clinic_service s on s.id = p_service),
        bounds as (
            select slot.*, tstzrange(slot.start_at, slot.end_at, '[)') as span,
                   (slot.start_at at time zone 'UTC')::date - 2 as first_date,
                   (slot.end_at at time zone 'UTC')::date + 1 as last_date
              from slot)
        select json_build_object(
            'patientFound', exists (select 1 from patient p where p.id = p_patient),
            'practitioner', (select json_build_object('active', p.active, 'certifications', coalesce(
                    (select json_agg(json_build_object('modality', c.modality, 'status', c.status,
                            'validFrom', c.valid_from - date '1970-01-01', 'validUntil', c.valid_until - date '1970-01-01'))
                       from certification c where c.practitioner_id = p.id), '[]'::json))
                  from practitioner p where p.id = p_practitioner),
            'service', case when b.service_id is not null
                            then json_build_object('modality', b.modality, 'durationMinutes', b.duration_minutes) end,
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
                 where a.practitioner_id = p_practitioner and a.local_date between b.first_date and b.last_date
                   and tstzrange(a.start_at, a.end_at, '[)') && b.span
                   and a.status is distinct from 'CANCELLED' and a.id <> p_self),
            'patientBusy', exists (select 1 from appointment a
                 where a.patient_id = p_patient and a.start_at > b.start_at - interval '8 hours' and a.start_at < b.end_at
                   and tstzrange(a.start_at, a.end_at, '[)') && b.span
                   and a.status is distinct from 'CANCELLED' and a.id <> p_self))
          from bounds b);
end $$;
