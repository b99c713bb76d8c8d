-- Migration 2025_11_14_retire_legacy_invoices
-- Target: billing-prod (primary)
-- Retire the legacy invoice tables now that everything reads from invoices_v2.

-- Safety: keep a copy before we drop anything
CREATE TABLE backup_legacy_invoice_lines_20251114 AS SELECT * FROM legacy_invoice_lines;

SELECT count(*) FROM legacy_invoices;

DROP TABLE legacy_invoices CASCADE;

DROP TABLE legacy_invoice_lines;

ALTER TABLE invoices_v2 DROP COLUMN legacy_invoice_id;
