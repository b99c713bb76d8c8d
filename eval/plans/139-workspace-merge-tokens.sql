-- Migration 2026_12_09_01, accounts service (PostgreSQL 15), production primary accounts-db.prod.internal, run as accounts_owner with psql -v ON_ERROR_STOP=1 -f.
-- ACC-1472: size the login_events clean-up, merge the 318 duplicate workspaces from the SSO import bug, remove stale API tokens (SEC-611), drop the old invites table.
-- Reviewed by @dbre-oncall. Safe to run in business hours; no customer impact.
SET lock_timeout = '3s';

-- How much would the 2024 clean-up touch? Read only; the delete itself ships next week.
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM login_events WHERE created_at < '2025-01-01';

-- Merge the duplicates. The guard rolls the whole transaction back unless exactly 318 workspaces end up merged.
BEGIN;
UPDATE workspaces w
   SET status = 'merged', merged_into = d.canonical_id, updated_at = now()
  FROM sso_duplicate_workspaces d
 WHERE w.id = d.duplicate_id AND w.status = 'active';
DO $$
BEGIN
  IF (SELECT count(*) FROM workspaces w JOIN sso_duplicate_workspaces d ON w.id = d.duplicate_id WHERE w.status = 'merged') <> 318 THEN
    RAISE EXCEPTION 'ACC-1472: expected 318 merged workspaces, rolling back';
  END IF;
END $$;
COMMIT;

-- Tokens unused for 90 days (SEC-611). Inside a transaction so it can be rolled back if anything looks off.
BEGIN;
DELETE FROM api_tokens WHERE last_used_at < now() - interval '90 days';
COMMIT;

-- Invites moved to identity-svc in ACC-1390 (already migrated and verified last sprint).
DROP TABLE workspace_invites CASCADE;
