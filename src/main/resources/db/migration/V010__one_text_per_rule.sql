-- One text per rule. From here on:
--  * the longest an appointment may last is appointment_longest() (R__rules.sql); the service's
--    length check and the appointment's check both name it, as does booking_facts (Java:
--    Appointment.LONGEST, tied to it by RuleTextTest);
--  * whether a certification authorises a modality on a date is certification_authorises()
--    (R__rules.sql), used by the rule-1 trigger and by the needsAttention review alike;
--  * booking_facts is defined in the repeatable R__booking_facts.sql, not copied into each
--    version that changes it.
-- The functions are created here too so that the constraints below can name them; the
-- repeatable migrations (run after every versioned one) keep them current.

create function appointment_longest() returns interval language sql immutable parallel safe
    as $$ select interval '8 hours' $$;

alter table appointment drop constraint appointment_at_most_8_hours;
alter table appointment add constraint appointment_at_most_longest check (end_at <= start_at + appointment_longest());

alter table clinic_service drop constraint clinic_service_duration_minutes_check;
alter table clinic_service add constraint clinic_service_duration check (
    duration_minutes >= 5 and duration_minutes % 5 = 0
    and make_interval(mins => duration_minutes) <= appointment_longest());
