-- The practitioner's overlap pre-check of booking_facts (V008) read a window of four local dates
-- of that practitioner's appointments from the heap to find the few that could overlap: at a busy
-- practitioner's 20-40 appointments a day, 80-160 rows per booking and half of the function's
-- time (docs/performance.md). It now searches a window of end times: an overlapping appointment
-- ends after this one starts and, lasting at most 8 hours (clinic_service allows 480 minutes; the
-- check constraint below makes it a guarantee), less than 8 hours after this one ends, so the
-- window holds only appointments that can overlap.
--
-- Why end_at and not start_at like the patient's (patient_id, start_at) index: two indexes of the
-- same shape can each serve the other's window through their second column, and on analysed
-- empty tables the planner took the practitioner index for the patient test - the whole-index
-- walk this function's cached plan must never hold (BookingFactsPlanTest caught it). With end_at
-- here and start_at there, each test can be served by one index only.
--
-- The (practitioner_id, end_at) index replaces (practitioner_id, local_date) rather than adding a
-- fifth index to the busiest table; the other readers by practitioner bound end_at as well (the
-- appointment list turns its local-date filter into windows that contain it; availability and
-- the rule-1 review look at times).

create index appointment_practitioner_end on appointment (practitioner_id, end_at);
drop index appointment_practitioner_date;

-- What the windows rely on, guaranteed rather than assumed: no appointment lasts longer than the
-- longest service may (appointments take their length from their service).
alter table appointment add constraint appointment_at_most_8_hours check (end_at <= start_at + interval '8 hours');

create or replace function booking_facts(p_patient uuid, p_practitioner uuid, p_service uuid, p_location uuid,
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
            select slot.*, tstzrange(slot.start_at, slot.end_at, '[)') as span from slot)
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
                 where a.practitioner_id = p_practitioner and a.end_at > b.start_at and a.end_at < b.end_at + interval '8 hours'
                   and tstzrange(a.start_at, a.end_at, '[)') && b.span
                   and a.status is distinct from 'CANCELLED' and a.id <> p_self),
            'patientBusy', exists (select 1 from appointment a
                 where a.patient_id = p_patient and a.start_at > b.start_at - interval '8 hours' and a.start_at < b.end_at
                   and tstzrange(a.start_at, a.end_at, '[)') && b.span
                   and a.status is distinct from 'CANCELLED' and a.id <> p_self))
          from bounds b);
end $$;
