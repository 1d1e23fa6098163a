-- Prefix search (org_path LIKE '/62/6206/%') needs a pattern-ops index in non-C locales.
create index place_path_prefix on place (org_path varchar_pattern_ops);
create index account_path_prefix on account (org_path varchar_pattern_ops);
create index role_assignment_path_prefix on role_assignment (org_path varchar_pattern_ops);
