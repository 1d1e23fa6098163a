-- The registry tally (ADR 14): households, active residents and their tags counted for every
-- village and every place above it (town, county, city, province, the nation 000000), so that a
-- town or a province reads its counts with one indexed read instead of counting its subtree.
-- Kept exact in the transaction of every registry write (RegistryTallies.refresh); rebuilt in bulk
-- by the command rebuild-tallies, and at start-up when empty while households exist.
-- metric: 'households' | 'residents' | 'htag:' || tag code | 'rtag:' || tag code.
-- No foreign key to place: the rows are derived data, and the ancestors' rows are the hottest
-- rows of the registry (every write of a province adds to them).
create table registry_tally (
    place_code varchar(32) not null,
    metric     varchar(40) not null,
    n          bigint      not null,
    constraint registry_tally_pk primary key (place_code, metric)
);

-- One row, locked by a bulk rebuild so that two nodes starting at once do not rebuild together;
-- it also tells the operator when the tally was last rebuilt and how long it took.
create table registry_tally_rebuild (
    id         int primary key,
    rebuilt_at timestamp with time zone,
    place_rows bigint,
    millis     bigint
);
insert into registry_tally_rebuild (id) values (1);
