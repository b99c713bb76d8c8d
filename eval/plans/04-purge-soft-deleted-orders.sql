-- Purge orders soft-deleted more than 2 years ago (ticket OPS-2291)
-- Database: shop-prod

BEGIN;

CREATE TABLE archive.orders_purged_2025_11 AS
  SELECT * FROM public.orders
  WHERE deleted_at < now() - interval '2 years';

SELECT count(*) FROM archive.orders_purged_2025_11;

DELETE FROM public.orders
  WHERE deleted_at < now() - interval '2 years';

COMMIT;

VACUUM (ANALYZE) public.orders;
