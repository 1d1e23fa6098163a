-- One row per (job, tick): whichever node inserts it runs the job for that tick, so a scheduled
-- job runs exactly once per tick however many application nodes there are.
create table job_tick (
    job        varchar(64)  not null,
    tick       timestamp with time zone not null,
    node       varchar(100) not null,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    outcome    varchar(255),
    constraint job_tick_pk primary key (job, tick)
);
