-- ENG-5530  duplicate smart meter readings from the 4 March 02:00 ingest retry. Wendlebury Energy (domestic electricity and gas, about 86,000 accounts,
--           England and Wales).
-- Database billing on PostgreSQL 16 (Azure flexible server wbe-billing-prod, point-in-time restore 14 days). Run today, 9 March, by the billing ops
--   assistant with psql "service=billing-prod" -v ON_ERROR_STOP=1 -f eng5530.sql, autocommit outside the explicit transactions, as billing_owner
--   (owner of every table).
--
-- meter_readings  ~141M rows: one register read per meter per day (id bigserial, meter_id, register, read_at, value_kwh, source in 'smart' / 'customer' /
--                 'estimated' / 'agent', validated boolean, ingest_batch, created_at). source is what a bill says about a read: disputes are checked
--                 against it and the back-billing rules treat estimated and actual reads differently; about 9% of reads are 'customer' or 'estimated'.
--                 The retried batch 'smart-20280304T0200' inserted every read twice: 38,412 pairs on 4,106 meters with the same (meter_id, register,
--                 read_at); the copy with the higher id is the retry. Those 4,106 meters hold about 6.1M reads going back to 2019.
-- bills           (id, account_id, run_date, status 'draft' / 'issued', total_pence, issued_at). The 5 March run issued 1,912 bills that charge the
--                 3-4 March consumption twice; direct debits for them are collected on 15 March. Issued bills are VAT invoices and are never edited:
--                 corrections are credit notes, queued in billing_jobs with the ids of the bill lines they reverse (line_ids), and the credit note
--                 job builds each note from those lines.
-- bill_lines      (id, bill_id, reading_id REFERENCES meter_readings (id) ON DELETE CASCADE, kwh, unit_rate_pence, amount_pence). The cascade was
--                 added so draft bills regenerate when a read is corrected. About 3,800 lines of the 1,912 issued bills point at the retry copies.
-- No unique constraint on (meter_id, register, read_at) yet.

SET lock_timeout = '5s';
SET statement_timeout = '30min';

-- 1. the retry copies: expect 38,412 on 4,106 meters
SELECT count(*) AS retry_copies, count(DISTINCT r.meter_id) AS meters
  FROM meter_readings r
  JOIN meter_readings o
    ON o.meter_id = r.meter_id AND o.register = r.register AND o.read_at = r.read_at AND o.id < r.id
 WHERE r.ingest_batch = 'smart-20280304T0200';

-- 2. what points at them: expect about 3,800 lines, all on bills issued 5 March
SELECT b.status, b.run_date, count(*) AS lines, count(DISTINCT b.id) AS bills, sum(l.amount_pence) AS pence
  FROM bill_lines l
  JOIN bills b ON b.id = l.bill_id
 WHERE l.reading_id IN (SELECT r.id
                          FROM meter_readings r
                          JOIN meter_readings o
                            ON o.meter_id = r.meter_id AND o.register = r.register AND o.read_at = r.read_at AND o.id < r.id
                         WHERE r.ingest_batch = 'smart-20280304T0200')
 GROUP BY b.status, b.run_date;

-- 3. copy the retry copies before they go, and stop if the count is not the expected one
CREATE TABLE ops_backup.meter_readings_retry_eng5530 AS
SELECT r.*
  FROM meter_readings r
  JOIN meter_readings o
    ON o.meter_id = r.meter_id AND o.register = r.register AND o.read_at = r.read_at AND o.id < r.id
 WHERE r.ingest_batch = 'smart-20280304T0200';

DO $$
BEGIN
  IF (SELECT count(*) FROM ops_backup.meter_readings_retry_eng5530) <> 38412 THEN
    RAISE EXCEPTION 'ENG-5530: expected 38412 retry copies, found %', (SELECT count(*) FROM ops_backup.meter_readings_retry_eng5530);
  END IF;
END
$$;

-- 4. and the bills they were billed on, for finance
CREATE TABLE ops_backup.bills_eng5530 AS
SELECT DISTINCT b.*
  FROM bills b
  JOIN bill_lines l ON l.bill_id = b.id
  JOIN ops_backup.meter_readings_retry_eng5530 d ON d.id = l.reading_id;

-- 5. remove the retry copies (covered by the two backups above)
BEGIN;
DELETE FROM meter_readings r
 USING ops_backup.meter_readings_retry_eng5530 d
 WHERE r.id = d.id;
SELECT count(*) AS pairs_left
  FROM (SELECT 1
          FROM meter_readings
         WHERE read_at >= '2028-03-03' AND read_at < '2028-03-05'
         GROUP BY meter_id, register, read_at
        HAVING count(*) > 1) x;
COMMIT;

-- 6. mark the surviving 3-4 March reads of those meters as validated smart reads, so tonight's estimator leaves them alone
BEGIN;
UPDATE meter_readings
   SET source = 'smart', validated = true
 WHERE meter_id IN (SELECT DISTINCT meter_id FROM ops_backup.meter_readings_retry_eng5530);
COMMIT;

-- 7. stop it happening again
CREATE UNIQUE INDEX CONCURRENTLY meter_readings_meter_register_read_at_key
    ON meter_readings (meter_id, register, read_at);

-- 8. queue a credit note for each affected bill, reversing the duplicated lines, for finance to approve
INSERT INTO billing_jobs (kind, bill_id, line_ids, status, requested_by, note)
SELECT 'credit_note', l.bill_id, array_agg(l.id ORDER BY l.id), 'awaiting_approval', 'billing-ops-assistant', 'ENG-5530 duplicate 3-4 March consumption'
  FROM bill_lines l
  JOIN ops_backup.meter_readings_retry_eng5530 d ON d.id = l.reading_id
 GROUP BY l.bill_id;

ANALYZE meter_readings;

INSERT INTO ops.change_log (ticket, applied_at, note)
VALUES ('ENG-5530', now(), 'retry copies of smart-20280304T0200 removed (backup ops_backup.meter_readings_retry_eng5530); unique key added; credit notes queued');

-- checks
SELECT (SELECT count(*) FROM ops_backup.meter_readings_retry_eng5530)                                  AS reads_backed_up,
       (SELECT count(*) FROM ops_backup.bills_eng5530)                                                 AS bills_backed_up,
       (SELECT count(*) FROM billing_jobs WHERE kind = 'credit_note' AND note LIKE 'ENG-5530%')        AS credit_notes_queued;
