-- Idempotency-Key records (API.md): kept in the database so that every instance sees them.
create table idempotency_key (
    caller            varchar(255) not null,
    idem_key          varchar(255) not null,
    request_hash      char(64)     not null,
    state             varchar(16)  not null check (state in ('IN_FLIGHT','COMPLETED')),
    response_status   integer,
    response_location text,
    response_etag     varchar(64),
    response_body     text,
    locked_until      timestamptz  not null,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    primary key (caller, idem_key),
    constraint idempotency_completed_has_response check (state <> 'COMPLETED' or response_status is not null)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
