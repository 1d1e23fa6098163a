-- PostgreSQL roles for Xiangzhi (security checklist 22, 等保 2.0 §8.1.4.3 c/d).
--
-- Two roles, so that the application cannot rewrite history:
--   xiangzhi_owner  owns the schema and runs the Flyway migrations and the audit purge
--                   (`--xiangzhi.command=purge-audit`); never used by the running application.
--   xiangzhi_app    what the application connects as: full read/write on business tables, but on
--                   the audit log only SELECT and INSERT (no UPDATE, DELETE or TRUNCATE), and on
--                   audit_head only the columns that move the head, never the anchor.
--
-- Run as a superuser with psql (it uses \gexec, \gset and \if). Idempotent: run it once before the
-- first start to create the roles and the database, run the migrations as xiangzhi_owner, then run
-- it again (and after every release that adds tables) to grant on the tables:
--
--   psql -h db -U postgres -v ON_ERROR_STOP=1 \
--        -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" \
--        -f docs/ops/postgresql-roles.sql
--
-- The application then runs with
--   XIANGZHI_DB_USER=xiangzhi_app, and SPRING_FLYWAY_USER=xiangzhi_owner / SPRING_FLYWAY_PASSWORD
-- so that Flyway migrates as the owner while the pool connects as the application role.

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE xiangzhi_owner LOGIN PASSWORD %L', :'owner_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'xiangzhi_owner') \gexec
SELECT format('CREATE ROLE xiangzhi_app LOGIN PASSWORD %L', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'xiangzhi_app') \gexec
SELECT 'CREATE DATABASE xiangzhi OWNER xiangzhi_owner ENCODING ''UTF8'' TEMPLATE template0'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'xiangzhi') \gexec

\connect xiangzhi

-- Nobody but the owner creates objects; the application only uses them.
ALTER SCHEMA public OWNER TO xiangzhi_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO xiangzhi_app;

SELECT to_regclass('public.audit_event') IS NOT NULL AS migrated \gset
\if :migrated

-- Business tables of the platform module: the application reads and writes them.
GRANT SELECT, INSERT, UPDATE, DELETE
   ON place, account, role_assignment, api_token, spring_session, spring_session_attributes
   TO xiangzhi_app;
-- The event publication registry (outbox) of Spring Modulith, once it exists.
SELECT 'GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO xiangzhi_app'
 WHERE to_regclass('public.event_publication') IS NOT NULL \gexec
-- Identity columns draw from sequences.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO xiangzhi_app;

-- BEGIN audit grants (AuditGrantsIntegrationTest applies exactly these statements to a test role)
REVOKE ALL ON audit_event FROM xiangzhi_app;
GRANT SELECT, INSERT ON audit_event TO xiangzhi_app;
REVOKE ALL ON audit_head FROM xiangzhi_app;
GRANT SELECT ON audit_head TO xiangzhi_app;
-- Appending moves the head (and SELECT ... FOR UPDATE needs UPDATE on some column); moving the
-- anchor is the purge's job, done as the owner.
GRANT UPDATE (last_seq, last_hash) ON audit_head TO xiangzhi_app;
-- END audit grants

\else
\echo 'The tables do not exist yet: run the migrations as xiangzhi_owner, then run this script again.'
\endif
