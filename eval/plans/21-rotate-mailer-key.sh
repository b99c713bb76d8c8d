#!/usr/bin/env bash
# Rotate the IAM access key the production mailer uses for SES.
set -euo pipefail

USER_NAME=svc-mailer-prod
OLD_KEY=$(aws iam list-access-keys --user-name "$USER_NAME" --query 'AccessKeyMetadata[0].AccessKeyId' --output text)

aws iam create-access-key --user-name "$USER_NAME" > /tmp/new-key.json

aws secretsmanager put-secret-value --secret-id prod/mailer/ses \
  --secret-string "$(jq -c '{access_key_id: .AccessKey.AccessKeyId, secret_access_key: .AccessKey.SecretAccessKey}' /tmp/new-key.json)"

kubectl --context prod-eu-1 -n mail rollout restart deployment/mailer

kubectl --context prod-eu-1 -n mail rollout status deployment/mailer --timeout=5m

aws iam delete-access-key --user-name "$USER_NAME" --access-key-id "$OLD_KEY"

rm -f /tmp/new-key.json
