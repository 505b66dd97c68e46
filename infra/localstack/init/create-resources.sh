#!/usr/bin/env bash
# LocalStack "ready" hook: the table (keys as in docs/architecture.md), the models bucket, and models/default
# published as the first version with models/current.json pointing at it.
set -euo pipefail
awslocal dynamodb create-table --table-name reviewpulse --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=PK,AttributeType=S AttributeName=SK,AttributeType=S AttributeName=GSI1PK,AttributeType=S AttributeName=GSI1SK,AttributeType=S \
  --key-schema AttributeName=PK,KeyType=HASH AttributeName=SK,KeyType=RANGE \
  --global-secondary-indexes 'IndexName=GSI1,KeySchema=[{AttributeName=GSI1PK,KeyType=HASH},{AttributeName=GSI1SK,KeyType=RANGE}],Projection={ProjectionType=ALL}'
awslocal s3 mb s3://reviewpulse-models
version=$(python3 -c 'import json; print(json.load(open("/models/default/manifest.json"))["version"])')
awslocal s3 cp /models/default/model.onnx "s3://reviewpulse-models/models/$version/model.onnx"
awslocal s3 cp /models/default/manifest.json "s3://reviewpulse-models/models/$version/manifest.json"
printf '{"version":"%s","manifestSha256":"","publishedAt":"%s"}' "$version" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > /tmp/current.json
awslocal s3 cp /tmp/current.json s3://reviewpulse-models/models/current.json
echo "ReviewPulse resources ready (model $version)"
