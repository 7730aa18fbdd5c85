-- The waitlist (docs/rules.md, "Waitlist and offers"): patients who want an earlier or any visit,
-- offered a slot when one frees by a HELD appointment that expires unless accepted.

-- A hold is an appointment: the three exclusion constraints (practitioner, patient, room), the
-- certification trigger and the room trigger judge it like a booking, so "one slot, one offer" is
-- PostgreSQL's guarantee across instances. A hold always says until when it holds.
alter table appointment drop constraint appointment_status_check;
alter table appointment add constraint appointment_status_check
    check (status in ('HELD','BOOKED','CHECKED_IN','COMPLETED','CANCELLED','NO_SHOW'));
alter table appointment add column offer_expires_at timestamptz;
alter table appointment add constraint appointment_hold_expires check (status <> 'HELD' or offer_expires_at is not null);
create index appointment_held_until on appointment (offer_expires_at) where status = 'HELD';

-- A hold ends one of two ways - accepted (BOOKED) or released (CANCELLED) - and nothing becomes a
-- hold after it was written: an offer is never made by changing a booking.
create function appointment_hold_moves() returns trigger language plpgsql as $$
begin
    if new.status = 'HELD' and old.status <> 'HELD' then
        raise exception 'an appointment becomes HELD only when written as an offer' using errcode = 'check_violation',
            constraint = 'appointment_hold_transition';
    end if;
    if old.status = 'HELD' and new.status not in ('HELD', 'BOOKED', 'CANCELLED') then
        raise exception 'a hold is accepted or released' using errcode = 'check_violation',
            constraint = 'appointment_hold_transition';
    end if;
    return new;
end $$;
create trigger appointment_hold_transition before update of status on appointment
    for each row execute function appointment_hold_moves();

create table waitlist_entry (
    id                      uuid primary key,
    patient_id              uuid         not null references patient,
    service_id              uuid         not null references clinic_service,
    location_id             uuid         not null references location,
    practitioner_id         uuid         references practitioner,
    earliest                timestamptz  not null,
    latest                  timestamptz  not null,
    priority                varchar(8)   not null check (priority in ('URGENT','NORMAL')),
    replaces_appointment_id uuid         references appointment,
    status                  varchar(16)  not null check (status in ('WAITING','OFFERED','FULFILLED','CANCELLED')),
    -- The hold while OFFERED; the accepted visit once FULFILLED.
    offer_appointment_id    uuid         unique references appointment,
    created_at              timestamptz  not null,
    version                 bigint       not null default 0,
    constraint waitlist_entry_window check (latest > earliest),
    constraint waitlist_entry_offer check ((status in ('OFFERED','FULFILLED')) = (offer_appointment_id is not null))
);
-- The matcher's question: who waits at this location, best first.
create index waitlist_entry_waiting on waitlist_entry (location_id, (priority = 'NORMAL'), created_at)
    where status = 'WAITING';
create index waitlist_entry_by_patient on waitlist_entry (patient_id, created_at);

-- Time that became free while someone may be waiting for it, written in the transaction that freed
-- it and taken (FOR UPDATE SKIP LOCKED) by one instance's offer worker, which deletes it once it has
-- offered what fits: a crash between the two leaves it here for the next round, never lost.
create table waitlist_opening (
    id              bigint generated always as identity primary key,
    practitioner_id uuid        not null,
    location_id     uuid        not null,
    from_at         timestamptz not null,
    to_at           timestamptz not null,
    created_at      timestamptz not null default now(),
    constraint waitlist_opening_ordered check (to_at > from_at)
);

-- Every offer made, and how it ended: what the desk sees of an entry's history, and how the matcher
-- knows not to offer an entry again the slot it declined or let expire.
create table waitlist_offer (
    appointment_id  uuid primary key references appointment,
    entry_id        uuid        not null references waitlist_entry,
    practitioner_id uuid        not null,
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    made_at         timestamptz not null,
    outcome         varchar(16) not null check (outcome in ('OPEN','ACCEPTED','DECLINED','EXPIRED','WITHDRAWN')),
    ended_at        timestamptz,
    constraint waitlist_offer_ended check ((outcome = 'OPEN') = (ended_at is null))
);
create index waitlist_offer_by_entry on waitlist_offer (entry_id, start_at);
-- An entry has at most one open offer.
create unique index waitlist_offer_one_open on waitlist_offer (entry_id) where outcome = 'OPEN';
