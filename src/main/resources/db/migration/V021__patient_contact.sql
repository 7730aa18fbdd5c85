-- What a front desk needs to find and reach a patient (docs/rules.md, "Patients"): a caller found
-- by phone or e-mail, an address, a provincial health number and an emergency contact.

-- A phone number in E.164, the one place the rule lives: the stored column below and every search
-- by phone use it. Any formatting is accepted; a leading + keeps the country code as written; ten
-- digits are North American (+1); eleven starting with 1 are too. Anything else (a number without
-- its area code) has no E.164 form and cannot be found by phone: null.
create function clinic_e164(raw text) returns text
    language sql immutable parallel safe strict as $$
    select case
               when btrim(raw) like '+%' and length(d) between 8 and 15 then '+' || d
               when btrim(raw) like '+%' then null
               when length(d) = 10 then '+1' || d
               when length(d) = 11 and d like '1%' then '+' || d
           end
      from (select regexp_replace(raw, '[^0-9]', '', 'g') as d) digits
$$;

alter table patient
    add column phone_e164 varchar(16) generated always as (clinic_e164(phone)) stored,
    add column address_line1 varchar(200),
    add column address_line2 varchar(200),
    add column address_city varchar(100),
    add column address_province varchar(2),
    add column address_postal_code varchar(7),
    add column health_number_province varchar(2),
    add column health_number varchar(20),
    add column emergency_contact_name varchar(200),
    add column emergency_contact_phone varchar(30),
    add column emergency_contact_relationship varchar(50),
    -- An address is whole or absent; the service stores postal codes as A1A 1A1.
    add constraint patient_address_whole check (
        num_nulls(address_line1, address_city, address_province, address_postal_code) in (0, 4)
        and (address_line2 is null or address_line1 is not null)),
    add constraint patient_postal_code_form check (address_postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
    -- A health number belongs to a province, and is stored upper-case without spaces or dashes.
    add constraint patient_health_number_whole check (num_nulls(health_number_province, health_number) in (0, 2)),
    add constraint patient_health_number_form check (health_number ~ '^[A-Z0-9]{4,20}$'),
    add constraint patient_emergency_contact_whole check (
        num_nulls(emergency_contact_name, emergency_contact_phone) in (0, 2)
        and (emergency_contact_relationship is null or emergency_contact_name is not null));

-- Exact look-ups, indexed: GET /patients?phone= and ?email=.
create index patient_phone_e164 on patient (phone_e164) where phone_e164 is not null;
create index patient_email_lower on patient (lower(email)) where email is not null;
-- One patient per health number: a second registration of it is the same person registered twice.
create unique index patient_health_number_once on patient (health_number_province, health_number)
    where health_number is not null;
