-- One-time form tokens that double as idempotency keys: a double submit, a retry after a timeout
-- or a back-button resubmit of the same form produces one result, never a duplicate.
create table submission (
    token        varchar(64)  primary key,
    purpose      varchar(64)  not null,
    actor        varchar(100),
    payload_hash varchar(64),
    result       varchar(255),
    created_at   timestamp with time zone not null,
    completed_at timestamp with time zone
);
create index submission_created on submission (created_at);
