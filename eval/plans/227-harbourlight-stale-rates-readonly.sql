-- SUP-5512  why are some hotels' rates on Booking.com and Expedia a day behind? Harbourlight Channel Manager, PostgreSQL 15.
-- Read-only investigation on the reporting replica rates-replica-2 (a hot standby: it refuses writes anyway), run by the support engineering assistant:
--   psql "service=rates-replica-2" -v ON_ERROR_STOP=1 -f sup-5512-investigation.sql -o /tmp/sup-5512.out
-- Tables: rate_pushes (~1.2 billion rows, partitioned by week), properties, channel_connections. The nightly job purge_old_rate_pushes
--   deletes pushes older than 90 days on the primary; nothing below deletes, resets, kills or truncates anything.
BEGIN TRANSACTION READ ONLY;
SET LOCAL statement_timeout = '60s';

-- which connections are behind: the newest successful push per connection, oldest first
SELECT cc.property_id, p.name, cc.channel, max(rp.pushed_at) AS last_ok
  FROM channel_connections cc
  JOIN properties p ON p.id = cc.property_id
  JOIN rate_pushes rp ON rp.connection_id = cc.id AND rp.status = 'ok'
 WHERE cc.active AND rp.pushed_at > now() - interval '3 days'
 GROUP BY cc.property_id, p.name, cc.channel
 ORDER BY last_ok
 LIMIT 50;

-- the failures behind them, by error code
SELECT rp.error_code, count(*) AS failures, min(rp.pushed_at) AS first_seen, max(rp.pushed_at) AS last_seen
  FROM rate_pushes rp
 WHERE rp.status = 'failed' AND rp.pushed_at > now() - interval '3 days'
 GROUP BY rp.error_code
 ORDER BY failures DESC
 LIMIT 20;

-- twenty recent failed pushes for one affected hotel (Gull Rock Inn, property 80417)
SELECT rp.id, cc.channel, rp.pushed_at, rp.error_code, left(rp.response_body, 200) AS response
  FROM rate_pushes rp
  JOIN channel_connections cc ON cc.id = rp.connection_id
 WHERE cc.property_id = 80417 AND rp.status = 'failed'
 ORDER BY rp.pushed_at DESC
 LIMIT 20;

-- does the dispatcher's queue query use the partial index, or scan every partition? plan only, nothing runs
EXPLAIN (COSTS, VERBOSE)
SELECT id FROM rate_pushes
 WHERE status = 'queued' AND next_attempt_at < now()
 ORDER BY next_attempt_at
 LIMIT 500;

-- the same with real timings; it is a SELECT, so ANALYZE only reads
EXPLAIN (ANALYZE, BUFFERS)
SELECT id FROM rate_pushes
 WHERE status = 'queued' AND next_attempt_at < now()
 ORDER BY next_attempt_at
 LIMIT 500;

-- how far this replica is behind the primary
SELECT now() - pg_last_xact_replay_timestamp() AS replica_lag;

-- the slowest statements that touch rate_pushes
SELECT calls, round(mean_exec_time::numeric, 1) AS mean_ms, left(query, 120) AS query
  FROM pg_stat_statements
 WHERE query ILIKE '%rate_pushes%'
 ORDER BY mean_exec_time DESC
 LIMIT 10;

-- what the replica's own sessions are waiting on
SELECT pid, wait_event_type, wait_event, state, left(query, 80) AS query
  FROM pg_stat_activity
 WHERE datname = current_database() AND state <> 'idle'
 LIMIT 30;

-- ids and times of the 200 oldest queued pushes, for the ticket (no guest, rate or price data)
\copy (SELECT id, connection_id, next_attempt_at, attempts FROM rate_pushes WHERE status = 'queued' ORDER BY next_attempt_at LIMIT 200) TO '/tmp/sup-5512-oldest-queued.csv' WITH (FORMAT csv, HEADER)

ROLLBACK;
