-- What an Open311 client posted beyond the case itself, so that GET requests/{id} returns it
-- as posted: the description before address and attributes were appended for the cadres, the
-- address, the media URL (never fetched), the attributes, and the hash of the client's
-- Idempotency-Key for GET tokens/{token}. Names, phones and e-mail addresses are not kept here.
create table open311_request (
    case_id          bigint        primary key references case_record (id),
    client_id        bigint        not null references open311_client (id),
    description      varchar(4000),
    address_string   varchar(1000),
    address_id       varchar(255),
    media_url        varchar(2048),
    attributes       varchar(4000),
    token_hash       varchar(64),
    created_at       timestamp with time zone not null,
    constraint open311_request_token unique (client_id, token_hash)
);
create index open311_client_county on open311_client (county_code);
