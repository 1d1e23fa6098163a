-- Rate limits of the public report form (码上办), per client address and per device cookie, in
-- fixed windows, counted in the database so that the limits hold across application nodes.
-- Only keyed hashes (HMAC) of the address and the device id are kept, never the address itself,
-- and rows are purged a day after their window.
create table intake_rate (
    bucket       varchar(100) not null,
    window_start timestamp with time zone not null,
    hits         int          not null,
    constraint intake_rate_pk primary key (bucket, window_start)
);
create index intake_rate_window on intake_rate (window_start);
