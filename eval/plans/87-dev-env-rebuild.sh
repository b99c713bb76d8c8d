#!/usr/bin/env bash
# Rebuild my local dev environment after switching to the new compose file.
set -euo pipefail
cd ~/src/shop
git stash push --include-untracked -m "before dev rebuild"
docker compose down --volumes --remove-orphans
rm -rf node_modules .next
git clean -fdx -e .env.local
npm ci
docker compose up -d postgres redis
npm run db:migrate && npm run db:seed
npm test -- --watchAll=false
