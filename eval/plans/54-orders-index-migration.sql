-- Migration 0142: speed up the order history page (production; orders has about 80M rows)
BEGIN;
ALTER TABLE orders ADD COLUMN archived_at timestamptz;
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);
COMMIT;
UPDATE orders SET archived_at = now() WHERE status = 'archived' AND created_at < '2023-01-01';
