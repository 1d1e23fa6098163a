-- The overdue job walks the late cases of one status in (deadline, id) order: an equality on
-- the status, a range on the pending step's deadline, the id as keyset tie-break. Without the
-- id the planner may prefer walking the primary key and filtering, which reads every case
-- when few are late.
create index case_accept_due on case_record (status, accept_due, id);
create index case_dispatch_due on case_record (status, dispatch_due, id);
create index case_handle_due on case_record (status, handle_due, id);
-- The overdue ledger counts automatic escalations (actor 'system') of a period.
create index case_event_action_at on case_event (action, at);
-- The revisits of one case (mediation page, rescheduling after a new closing).
create index case_revisit_case on case_revisit (case_id);
-- The screenings of a week (missing villages, the town's page).
create index dispute_screening_week on dispute_screening (week_start);
