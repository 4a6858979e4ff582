#!/bin/sh
set -eu
export AWS_ACCESS_KEY_ID="AKIATQZFVGRDSK3SOWG5"
export AWS_SECRET_ACCESS_KEY="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"
export GITHUB_TOKEN="${GITHUB_TOKEN:?missing}" 
TOKEN=$(vault kv get -field=token kv/shop)
curl -sf -H "Authorization: Bearer $TOKEN" https://api.shop.internal/deploy 
curl -u "deploy:Tundra!23copper*" https://nexus.shop.internal/repository/
psql "postgresql://report:Quartz*28velvet&@db.internal/shop" -c "select 1"
