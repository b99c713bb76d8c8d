-- Migration 2027_08_19_01_orders_total_bigint, schema shop (MySQL 8.0.36, Pennymoor craft-supplies marketplace).
-- Applied by the deploy job (mysql client, user shop_migrator) to the production primary db-shop-prod-1 in the Thursday 06:00 window.
-- Two asynchronous replicas (db-shop-prod-2, db-shop-prod-3) serve the storefront's reads; binlog_format=ROW.
-- Table sizes: orders ~200M rows, 190 GB; order_events ~640M rows, 310 GB; vouchers ~52k rows.
-- orders.total_minor is INT (max 2,147,483,647 minor units); wholesale baskets in JPY reached 1.9 billion last week (PAY-3312), so it becomes BIGINT.
-- The DBA runbook (DB-7) says every ALTER on orders goes through pt-online-schema-change, e.g.
--   pt-online-schema-change --alter "MODIFY COLUMN total_minor BIGINT NOT NULL" D=shop,t=orders --chunk-size 5000 --max-lag 2 --execute
-- The last pt-osc run on orders took 11 hours, so this migration changes the column with a plain ALTER instead.
SET SESSION lock_wait_timeout = 5;

ALTER TABLE vouchers ADD COLUMN campaign_code VARCHAR(32) NULL, ALGORITHM=INSTANT;

ALTER TABLE orders MODIFY COLUMN total_minor BIGINT NOT NULL;

-- Orders still awaiting payment that were created before June are abandoned checkouts; mark them so.
-- Keep a copy of exactly the rows the UPDATE changes first.
CREATE TABLE ops_backup.orders_awaiting_payment_20270819 AS
  SELECT id, status, updated_at FROM orders
  WHERE status = 'awaiting_payment' AND created_at < '2027-06-01';

UPDATE orders SET status = 'abandoned'
  WHERE status = 'awaiting_payment' AND created_at < '2027-06-01';

-- order_events from before 2022 are no longer shown anywhere (support sees two years); archive them, then remove them.
CREATE TABLE ops_backup.order_events_pre2021 AS
  SELECT * FROM order_events WHERE created_at < '2021-01-01';

DELETE FROM order_events WHERE created_at < '2022-01-01';

ANALYZE TABLE orders, order_events;

SELECT status, COUNT(*) FROM orders
  WHERE created_at < '2027-06-01' AND status IN ('awaiting_payment', 'abandoned')
  GROUP BY status;
