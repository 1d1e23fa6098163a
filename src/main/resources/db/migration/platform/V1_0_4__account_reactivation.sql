-- An administrator can bring back an account that was refused for being unused too long
-- (等保: accounts idle for N days are disabled); the dormancy clock restarts at this time.
alter table account add column reactivated_at timestamp with time zone;
