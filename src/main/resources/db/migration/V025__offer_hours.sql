-- Waitlist offers at sane hours (docs/rules.md): the local hours in which a location's waitlist may
-- offer time, 08:00-20:00 unless an admin sets others (equal start and end: at any hour). The
-- offer worker takes an opening only while its location's hours are open, and a hold counts its
-- minutes only inside them.
alter table location
    add column offer_hours_start time not null default '08:00',
    add column offer_hours_end time not null default '20:00',
    add constraint location_offer_hours_ordered check (offer_hours_start <= offer_hours_end);
