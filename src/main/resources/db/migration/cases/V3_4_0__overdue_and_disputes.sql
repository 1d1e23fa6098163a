-- The overdue job looks up open cases per pending step by (status, deadline); case_open_due
-- already serves the handling step.
create index case_accept_due on case_record (status, accept_due);
create index case_dispatch_due on case_record (status, dispatch_due);
-- The overdue ledger counts automatic escalations (actor 'system') of a period.
create index case_event_action_at on case_event (action, at);
-- Lists per place: the flagged cases of a unit, the revisits and screenings of a town.
create index case_overdue on case_record (overdue_step, unit_code);
create index case_revisit_case on case_revisit (case_id);
create index dispute_screening_week on dispute_screening (week_start);
