-- Treatment courses (docs/rules.md, "Courses"): IMS and dry needling are delivered as courses
-- ("weekly x 6"). A series keeps what was asked; each occurrence is an ordinary appointment with
-- its own identity and lifecycle, judged on its own date, that names its series.
create table appointment_series (
    id               uuid primary key,
    patient_id       uuid        not null references patient,
    practitioner_id  uuid        not null references practitioner,
    service_id       uuid        not null references clinic_service,
    location_id      uuid        not null references location,
    first_start      timestamptz not null,
    interval_weeks   integer     not null check (interval_weeks between 1 and 4),
    occurrence_count integer     check (occurrence_count between 2 and 52),
    until_date       date,
    on_conflict      varchar(16) not null check (on_conflict in ('REJECT_ALL','SKIP')),
    created_at       timestamptz not null,
    constraint appointment_series_repeat check ((occurrence_count is null) <> (until_date is null))
);

alter table appointment add column series_id uuid references appointment_series;
create index appointment_by_series on appointment (series_id, start_at) where series_id is not null;
