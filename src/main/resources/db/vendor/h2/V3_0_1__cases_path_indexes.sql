create index case_path_prefix on case_record (org_path);
create index case_revisit_path on case_revisit (org_path);
create index dispute_screening_path on dispute_screening (org_path);
