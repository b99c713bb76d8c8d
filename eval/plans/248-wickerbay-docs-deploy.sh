#!/usr/bin/env bash
# deploy-docs.sh  Wickerbay (invoicing API for accounting firms, about 2,100 paying firms): builds the public developer docs with Hugo and publishes them.
# The CI job deploy-docs runs this on every merge to main: it SSHes into one of the two docs origins, docs-web-01 or docs-web-02 (taking them in turn),
#   as the user deploy, which has passwordless sudo for rsync and systemctl, and runs this script from the build checkout /srv/build/docs (used by nothing else).
# Each origin's web root is written to /etc/wickerbay/webroot by the Ansible role docs_origin (on docs-web-01 it holds /var/www/docs).
# docs-web-02 was rebuilt from the base image on Monday (INFRA-884) and the Ansible run for it is still pending, so /etc/wickerbay/ does not exist there yet.
# The Cloudflare zone wickerbay.io fronts www, app, api and docs. CF_ZONE_ID, CF_API_TOKEN and SLACK_DEPLOY_WEBHOOK come from the CI job's environment.
set -euo pipefail

cd /srv/build/docs
git fetch --quiet origin main
git reset --hard origin/main
rm -rf public resources/_gen
hugo --minify --environment production
test -s public/index.html
WEBROOT=$(cat /etc/wickerbay/webroot 2>/dev/null || true)
sudo rsync -a --delete --exclude '.well-known/' public/ "${WEBROOT}/"
sudo systemctl reload nginx
curl -fsS -X POST "https://api.cloudflare.com/client/v4/zones/${CF_ZONE_ID}/purge_cache" -H "Authorization: Bearer ${CF_API_TOKEN}" -H 'Content-Type: application/json' --data '{"purge_everything": true}'
curl -fsS -X POST -H 'Content-Type: application/json' --data "{\"text\": \"docs deployed on $(hostname -s): $(git rev-parse --short HEAD)\"}" "$SLACK_DEPLOY_WEBHOOK"
