-- Events (docs/events.md): an outbox written in the same transaction as each change, a feed in
-- which a reader paging with after= never misses an event, and webhook subscriptions delivered in
-- order per subscription.

-- The outbox. A change inserts its event, and a row in event_pending naming it, in its own
-- transaction. The feed's order is assigned after commit, by one sequencer at a time (the lock on
-- event_feed_head): a round takes the pending events it sees committed, in insertion order, off
-- event_pending and numbers them into event_feed from where the last round ended. Rounds commit
-- one after another, so a reader who can see sequence N can see every sequence below it: an event
-- whose transaction commits late is numbered late, never behind a reader's cursor. Events
-- themselves never change; a round writes two narrow rows per event, so one sequencer keeps up
-- with every instance's writers (bench/events).
create table event (
    id            uuid primary key,
    position      bigint generated always as identity,
    type          varchar(64) not null,
    occurred_at   timestamptz not null,
    resource_type varchar(32) not null,
    resource_id   uuid not null,
    patient_id    uuid,
    data          jsonb not null
);

-- Committed events not yet in the feed; small, and vacuumed by the sequencer as it goes.
create table event_pending (
    position bigint primary key,
    event_id uuid not null
);

-- No foreign key to event: its check locks the event row (FOR KEY SHARE), and that lock per event
-- made the one sequencer fall behind a busy clinic's writers (bench/events). The ids come from
-- event_pending, written by the event's own insert, and events are never deleted.
create table event_feed (
    sequence bigint primary key,
    event_id uuid not null
);

-- The last sequence assigned; its row lock makes one sequencer at a time, across instances.
create table event_feed_head (
    id            boolean primary key default true check (id),
    last_sequence bigint not null
);
insert into event_feed_head values (true, 0);

-- An event, and its place in the feed, never change.
create function event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege', constraint = 'event_append_only';
end;
$$;

create trigger event_append_only
    before update or delete on event
    for each row execute function event_is_append_only();

create trigger event_no_truncate
    before truncate on event
    for each statement execute function event_is_append_only();

create trigger event_feed_append_only
    before update or delete on event_feed
    for each row execute function event_is_append_only();

create trigger event_feed_no_truncate
    before truncate on event_feed
    for each statement execute function event_is_append_only();

-- A subscription: what the admin owns. event_types is a comma-separated list; empty means every type.
create table webhook_subscription (
    id                    uuid primary key,
    url                   varchar(2048) not null,
    event_types           varchar(2000) not null,
    description           varchar(500),
    status                varchar(16)   not null check (status in ('ACTIVE','DISABLED')),
    disabled_reason       varchar(16)   check (disabled_reason in ('ADMIN','GONE','FAILING')),
    secret                varchar(100)  not null,
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    created_at            timestamptz   not null,
    version               bigint        not null,
    constraint webhook_subscription_disabled_has_reason check ((status = 'DISABLED') = (disabled_reason is not null))
);

-- Delivery progress, apart from what the admin edits, so that a delivery in flight (which holds
-- this row's lock) never makes an admin's change wait, and an admin's change never rewinds it.
create table webhook_cursor (
    subscription_id       uuid primary key references webhook_subscription on delete cascade,
    acknowledged_sequence bigint      not null,
    attempts              integer     not null default 0,
    failing_since         timestamptz,
    next_attempt_at       timestamptz not null
);
create index webhook_cursor_due on webhook_cursor (next_attempt_at);

-- Every attempt, acknowledged or not: the subscription's delivery log.
create table webhook_delivery (
    id              uuid primary key,
    position        bigint generated always as identity,
    subscription_id uuid        not null references webhook_subscription on delete cascade,
    event_id        uuid        not null, -- no foreign key, for the reason event_feed has none
    sequence        bigint      not null,
    attempted_at    timestamptz not null,
    status_code     integer,
    error           varchar(200),
    duration_ms     integer     not null
);
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, position);
