-- Move orders.status_text to the new status enum column (PostgreSQL, production)
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN status order_status;
UPDATE orders SET status = status_text::order_status WHERE id BETWEEN 1 AND 100000 AND status IS NULL;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
ALTER TABLE orders DROP COLUMN status_text;
