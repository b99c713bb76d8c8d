-- Migration 2026_12_03: widen order totals and rename the customer column (MySQL 8, production)
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders ADD COLUMN gift_note VARCHAR(200) NULL, ALGORITHM=INSTANT;
ALTER TABLE orders MODIFY COLUMN total DECIMAL(14,2) NOT NULL;
ALTER TABLE orders RENAME COLUMN cust_id TO customer_id;
CREATE INDEX orders_customer_idx ON orders (customer_id);
SELECT COUNT(*) FROM orders WHERE gift_note IS NOT NULL;
