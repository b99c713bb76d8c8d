-- Migration 0233, ledger service (PostgreSQL 14, production): retire invoice_lines_legacy, widen journal amounts (numeric(14,2) today), speed up statements, close dormant accounts. journal_entries ~900M rows, accounts ~6M rows.
SET lock_timeout = '5s';
CREATE TABLE invoice_lines_backup_20261205 AS SELECT * FROM invoice_lines;
DROP TABLE invoice_lines_legacy;
ALTER TABLE journal_entries ALTER COLUMN amount TYPE numeric(20,6);
CREATE INDEX journal_entries_account_posted_idx ON journal_entries (account_id, posted_at);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS closed_reason text;
BEGIN;
UPDATE accounts SET status = 'closed', closed_reason = 'dormant-pre-2020' WHERE status = 'dormant' AND last_activity_at < '2020-01-01';
COMMIT;
COMMENT ON TABLE invoice_lines IS 'Current invoice lines; invoice_lines_legacy was dropped in migration 0233';
