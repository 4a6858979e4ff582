#!/bin/sh
set -eu
export AWS_ACCESS_KEY_ID="AKIA7OQWWMPE24DPEUF2"
export AWS_SECRET_ACCESS_KEY="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"
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}" 
TOKEN=$(vault kv get -field=token kv/shop)
curl -sf -H "Authorization: Bearer $TOKEN" https://api.shop.internal/deploy 
curl -u "deploy:Orchid&62velvet&" https://nexus.shop.internal/repository/
psql "postgresql://report:Tundra!31harbor%@db.internal/shop" -c "select 1"
