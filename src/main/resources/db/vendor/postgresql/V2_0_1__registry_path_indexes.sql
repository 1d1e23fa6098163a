create index household_path_prefix on household (org_path varchar_pattern_ops);
create index resident_path_prefix on resident (org_path varchar_pattern_ops);
create index villager_group_path_prefix on villager_group (org_path varchar_pattern_ops);
create index resident_name_prefix on resident (name varchar_pattern_ops);
