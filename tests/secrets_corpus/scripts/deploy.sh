#!/bin/sh
set -eu
export AWS_ACCESS_KEY_ID="AKIAETZEMHMLIYBERWI5"
export AWS_SECRET_ACCESS_KEY="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"
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}" 
TOKEN=$(vault kv get -field=token kv/shop)
curl -sf -H "Authorization: Bearer $TOKEN" https://api.shop.internal/deploy 
curl -u "deploy:Velvet&21orchid#" https://nexus.shop.internal/repository/
psql "postgresql://report:Orchid%44quartz&@db.internal/shop" -c "select 1"
