-- Retention (docs/operations.md, "Retention"): events and their place in the feed are purged once
-- older than a configured window; audit rows, notes, claims and money never are.

-- How far the feed has been purged: every sequence up to purged_through is gone, and a reader
-- asking for events after an earlier sequence is told so (410) rather than handed a gap.
create table event_retention (
    id             boolean primary key default true check (id),
    purged_through bigint      not null default 0 check (purged_through >= 0),
    purged_at      timestamptz
);
insert into event_retention (id) values (true);

-- Events stay append-only - never updated, never truncated - and are deleted only by the purge,
-- which says so for its own transaction (set_config('clinic.retention_purge', 'on', true)).
create or replace function event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('clinic.retention_purge', true), '') = 'on' then
        return old;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege', constraint = 'event_append_only';
end;
$$;

create index webhook_delivery_attempted on webhook_delivery (attempted_at);
