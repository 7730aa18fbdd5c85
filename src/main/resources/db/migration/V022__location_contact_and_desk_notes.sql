-- A location's day (docs/rules.md, "Front desk"): where the clinic is and how to call it (for
-- receipts and for reminders built from events), a short note for the desk on a visit, and the
-- day views by location and by room.
alter table location
    add column address_line1 varchar(200),
    add column address_line2 varchar(200),
    add column address_city varchar(100),
    add column address_postal_code varchar(7),
    add column phone varchar(30),
    add column business_number varchar(20),
    add constraint location_address_whole check (
        num_nulls(address_line1, address_city, address_postal_code) in (0, 3)
        and (address_line2 is null or address_line1 is not null)),
    add constraint location_postal_code_form check (address_postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$');

-- What the desk should know at check-in ("left shoulder, first visit"). Read by the desk and the
-- treating practitioner; never in events or logs.
alter table appointment add column desk_note varchar(500);

create index appointment_location_date on appointment (location_id, local_date);
create index appointment_room_date on appointment (room_id, local_date) where room_id is not null;
