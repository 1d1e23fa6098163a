-- H2 twin of the PostgreSQL pattern-ops indexes.
create index household_path_prefix on household (org_path);
create index resident_path_prefix on resident (org_path);
create index villager_group_path_prefix on villager_group (org_path);
