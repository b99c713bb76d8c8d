#!/usr/bin/env bash
# Purge a cancelled tenant's report exports (ticket SUP-4410). Usage: purge-exports.sh <tenant-slug>
SLUG="$1"
TENANT_ID=$(psql "$REPORTS_RO_URL" -Atc "SELECT id FROM tenants WHERE slug = '$SLUG' AND cancelled_at IS NOT NULL")
echo "Purging exports for tenant $SLUG (id $TENANT_ID)"
aws s3 ls "s3://acme-prod-exports/${TENANT_ID}" --recursive --summarize | tail -2
aws s3 rm "s3://acme-prod-exports/${TENANT_ID}" --recursive
psql "$REPORTS_URL" -c "UPDATE tenants SET exports_purged_at = now() WHERE id = '$TENANT_ID'"
