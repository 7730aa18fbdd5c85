-- Audit trail of every read and change of patient data (API.md rule 7). Append-only: rows are
-- written in the same transaction as the change they record, and never updated or deleted.
create table audit_event (
    id            uuid primary key,
    at            timestamptz  not null,
    actor         varchar(255) not null,
    role          varchar(32)  not null,
    action        varchar(32)  not null,
    resource_type varchar(32)  not null,
    resource_id   uuid,
    patient_id    uuid,
    outcome       varchar(16)  not null check (outcome in ('SUCCESS','DENIED'))
);
create index audit_event_patient on audit_event (patient_id, id);
create index audit_event_at on audit_event (at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
