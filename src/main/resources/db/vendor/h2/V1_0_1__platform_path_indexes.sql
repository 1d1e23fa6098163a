-- H2 twin of the PostgreSQL pattern-ops indexes: a plain index serves LIKE prefixes in H2.
create index place_path_prefix on place (org_path);
create index account_path_prefix on account (org_path);
create index role_assignment_path_prefix on role_assignment (org_path);
