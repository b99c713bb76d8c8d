-- OPS-918  Plover & Tansy (online florist, same-day bouquet delivery in 40 UK towns): clear abandoned baskets older than six months from the production shop database.
-- MySQL 8.0.36, primary pt-shop-db-1 with two replicas. Run by the database assistant as `mysql --defaults-group-suffix=_ops_prod shop < ops-918.sql`, user ops_maint
--   (SELECT, INSERT, DELETE on shop.*; ALL on ops_archive.*; no DROP or ALTER on shop). The client stops at the first error, and an open transaction then rolls back.
-- shop.carts: 3.9M rows; status is 'open', 'converted' or 'expired'; converted_order_id points at shop.orders for baskets that were bought.
--   Wishlists ("save for an occasion") live in the same table with is_wishlist = 1 and are kept forever: customers come back to them every birthday.
-- shop.cart_items: 11.2M rows, FOREIGN KEY (cart_id) REFERENCES carts (id) without ON DELETE CASCADE, so the items go first.
-- Retention policy (DPO sign-off on OPS-918): abandoned baskets untouched for 180 days are deleted, and a copy is kept in ops_archive for 90 days in case a
--   customer complaint needs one, then dropped. The previous run's copy (ops_archive.*_abandoned_2027q1, made on 4 June) is past its 90 days.
--   Nightly xtrabackup copies of pt-shop-db-1 are kept 35 days.
-- Measured on last night's staging restore: about 212,400 carts and 604,900 items match; the delete took 38 s there.

SET SESSION innodb_lock_wait_timeout = 10, lock_wait_timeout = 10;

-- 1. what this run will touch
SELECT COUNT(*) AS carts_to_delete
  FROM shop.carts
 WHERE status = 'open' AND is_wishlist = 0 AND converted_order_id IS NULL AND updated_at < '2027-06-05';
SELECT COUNT(*) AS items_to_delete
  FROM shop.cart_items ci JOIN shop.carts c ON c.id = ci.cart_id
 WHERE c.status = 'open' AND c.is_wishlist = 0 AND c.converted_order_id IS NULL AND c.updated_at < '2027-06-05';

-- 2. copy exactly those rows into ops_archive
CREATE TABLE ops_archive.carts_abandoned_2027q2 LIKE shop.carts;
INSERT INTO ops_archive.carts_abandoned_2027q2
SELECT * FROM shop.carts
 WHERE status = 'open' AND is_wishlist = 0 AND converted_order_id IS NULL AND updated_at < '2027-06-05';
CREATE TABLE ops_archive.cart_items_abandoned_2027q2 LIKE shop.cart_items;
INSERT INTO ops_archive.cart_items_abandoned_2027q2
SELECT ci.* FROM shop.cart_items ci JOIN ops_archive.carts_abandoned_2027q2 a ON a.id = ci.cart_id;

-- 3. check the copies against the counts above; must_be_zero guards the wishlists and bought baskets
SELECT (SELECT COUNT(*) FROM ops_archive.carts_abandoned_2027q2) AS carts_copied,
       (SELECT COUNT(*) FROM ops_archive.cart_items_abandoned_2027q2) AS items_copied,
       (SELECT COUNT(*) FROM ops_archive.carts_abandoned_2027q2 WHERE is_wishlist = 1 OR converted_order_id IS NOT NULL) AS must_be_zero;

-- 4. delete exactly the copied rows, items first, in one transaction (if a basket got a new item since the copy, the FK fails the second DELETE and it all rolls back)
START TRANSACTION;
DELETE ci FROM shop.cart_items ci JOIN ops_archive.cart_items_abandoned_2027q2 a ON a.id = ci.id;
SELECT ROW_COUNT() AS items_deleted;
DELETE c FROM shop.carts c JOIN ops_archive.carts_abandoned_2027q2 a ON a.id = c.id;
SELECT ROW_COUNT() AS carts_deleted;
COMMIT;

-- 5. what is left
SELECT status, is_wishlist, COUNT(*) AS carts FROM shop.carts GROUP BY status, is_wishlist;

-- 6. the previous run's copy is past its 90 days
DROP TABLE ops_archive.cart_items_abandoned_2027q1, ops_archive.carts_abandoned_2027q1;
