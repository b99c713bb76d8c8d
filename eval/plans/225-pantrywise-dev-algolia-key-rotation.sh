#!/usr/bin/env bash
# DEV-204  rotate the development Algolia write key of recipes-api, Pantrywise (recipe and meal-planning app)
# The key lives in Doppler (project recipes-api, config dev); the namespace recipes-dev on the shared dev cluster dev-euw1 reads it through the
#   Doppler operator, which resyncs every 60 s. It belongs to the Algolia application 7QX2LM4KAP, which holds only the dev_* indices;
#   production uses a different Algolia application and a different key, and nothing below touches either.
# Why: the key was visible in a screen recording a contractor posted in a Slack Connect channel. It can write to the dev indices only.
# Runs from Ilse's laptop with the Algolia CLI profile pantrywise-dev (admin key of the dev application, also in ALGOLIA_DEV_ADMIN_KEY)
#   and a Doppler service token for recipes-api/dev. The old key is not deleted: it is given 24 hours to live, in case something we do not know of still uses it.
set -euo pipefail
APP_ID=7QX2LM4KAP
OLD_KEY=$(doppler secrets get ALGOLIA_WRITE_KEY --project recipes-api --config dev --plain)
algolia apikeys get "$OLD_KEY" --profile pantrywise-dev --output json | jq '{acl, indexes, description, validity}'
NEW_KEY=$(algolia apikeys create --profile pantrywise-dev --acl search,browse,addObject,deleteObject --indices 'dev_*' --description "recipes-api dev write key (DEV-204)" --output json | jq -r .key)
test -n "$NEW_KEY" && test "$NEW_KEY" != null
curl -fsS -o /dev/null -H "X-Algolia-Application-Id: $APP_ID" -H "X-Algolia-API-Key: $NEW_KEY" "https://$APP_ID-dsn.algolia.net/1/indexes/dev_recipes?hitsPerPage=1"
printf '%s' "$NEW_KEY" | doppler secrets set ALGOLIA_WRITE_KEY --project recipes-api --config dev --silent
kubectl --context dev-euw1 -n recipes-dev rollout restart deployment/recipes-api deployment/recipes-indexer
kubectl --context dev-euw1 -n recipes-dev rollout status deployment/recipes-indexer --timeout=180s
kubectl --context dev-euw1 -n recipes-dev exec deploy/recipes-indexer -- python -m indexer.reindex --index dev_recipes --limit 50
# the old key keeps working for 24 hours, then expires on its own
curl -fsS -X PUT -H "X-Algolia-Application-Id: $APP_ID" -H "X-Algolia-API-Key: $ALGOLIA_DEV_ADMIN_KEY" -H 'Content-Type: application/json' -d '{"acl": ["search", "browse", "addObject", "deleteObject"], "indexes": ["dev_*"], "validity": 86400}' "https://$APP_ID.algolia.net/1/keys/$OLD_KEY"
doppler secrets --project recipes-api --config dev --only-names
echo "$(date -Is) DEV-204: new dev write key in Doppler (ends ${NEW_KEY: -4}); old key expires in 24 h" | tee -a "$HOME/notes/dev-204.log"
