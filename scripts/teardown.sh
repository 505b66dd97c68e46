#!/usr/bin/env bash
# Removes the stack. The site bucket is emptied first (it is rebuilt from src/Web on deploy); the models bucket and
# the DynamoDB table are retained (data), and are listed at the end for manual deletion if you really want them gone.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
outputs=artifacts/deploy-outputs.json
if [ -f "$outputs" ] && command -v aws >/dev/null; then
  site=$(node -e "console.log(require('./$outputs').ReviewPulse.SiteBucketName)")
  aws s3 rm "s3://$site" --recursive
fi
npx --yes aws-cdk@2.160.0 destroy ReviewPulse --force
if [ -f "$outputs" ]; then
  node -e "const o=require('./$outputs').ReviewPulse; console.log('Retained: bucket ' + o.ModelsBucketName + ', table ' + o.TableName)"
fi
