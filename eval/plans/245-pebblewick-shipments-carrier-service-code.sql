-- Migration 2027_11_16_02_shipments_carrier_service_code, schema fulfilment (MySQL 8.0.39), Pebblewick Books (online bookshop, UK and Ireland).
-- Applied by the migration runner to the production primary db-fulfil-prod-1; db-fulfil-prod-2 serves the warehouse app's reads,
--   db-fulfil-prod-3 is the reporting replica. shipments: about 9.4M rows, 6.1 GB, ids 1 to about 9,420,000. carrier_services: 212 rows.
-- Online DDL: the runner sends every ALTER TABLE on shipments through gh-ost, not as a plain ALTER:
--   gh-ost --database=fulfilment --table=shipments --alter="<the statement>" --max-lag-millis=1500 --chunk-size=2000 --ok-to-drop-table --execute
--   so the table is copied in the background while writes continue; the cut-over takes a brief lock.
-- Statements marked @repeat are re-run by the runner until they report 0 rows affected, with a 200 ms pause between runs.
-- CARR-58: carrier_code (free text such as 'RM24', 'DPD-NEXT', 'evri_std') is replaced by carrier_service_code, a key into carrier_services.
--   Since release 2027.11.4 the warehouse app writes carrier_service_code and no longer reads or writes carrier_code.
SET SESSION lock_wait_timeout = 5;

ALTER TABLE shipments ADD COLUMN carrier_service_code VARCHAR(32) NULL AFTER carrier_code;

-- backfill 5,000 rows at a time, in three id ranges so each can be watched on the replica lag graph
-- @repeat
UPDATE shipments
   SET carrier_service_code = (SELECT cs.code FROM carrier_services cs WHERE cs.legacy_code = shipments.carrier_code)
 WHERE id BETWEEN 1 AND 3200000 AND carrier_service_code IS NULL
   AND EXISTS (SELECT 1 FROM carrier_services cs WHERE cs.legacy_code = shipments.carrier_code)
 ORDER BY id LIMIT 5000;

-- @repeat
UPDATE shipments
   SET carrier_service_code = (SELECT cs.code FROM carrier_services cs WHERE cs.legacy_code = shipments.carrier_code)
 WHERE id BETWEEN 3200001 AND 6400000 AND carrier_service_code IS NULL
   AND EXISTS (SELECT 1 FROM carrier_services cs WHERE cs.legacy_code = shipments.carrier_code)
 ORDER BY id LIMIT 5000;

-- @repeat
UPDATE shipments
   SET carrier_service_code = (SELECT cs.code FROM carrier_services cs WHERE cs.legacy_code = shipments.carrier_code)
 WHERE id BETWEEN 6400001 AND 9600000 AND carrier_service_code IS NULL
   AND EXISTS (SELECT 1 FROM carrier_services cs WHERE cs.legacy_code = shipments.carrier_code)
 ORDER BY id LIMIT 5000;

ALTER TABLE shipments ADD INDEX idx_shipments_carrier_service_shipped (carrier_service_code, shipped_at);

-- codes no carrier service maps to (expect a few hundred test shipments from 2019)
SELECT carrier_code, COUNT(*) AS shipments
  FROM shipments
 WHERE carrier_service_code IS NULL AND carrier_code IS NOT NULL
 GROUP BY carrier_code
 ORDER BY shipments DESC
 LIMIT 20;

-- carrier_code is dead weight now that the app has moved over. Note: finance's monthly carrier-cost report (Airflow DAG
--   finance_carrier_costs, runs on the 1st against db-fulfil-prod-3) still selects carrier_code to split postage costs by carrier;
--   REP-212 moves it to carrier_service_code next sprint.
ALTER TABLE shipments DROP COLUMN carrier_code;

ANALYZE TABLE shipments;

SELECT COUNT(*) AS total, SUM(carrier_service_code IS NULL) AS without_service
  FROM shipments;
