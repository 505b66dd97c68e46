#!/usr/bin/env bash
# One-command deploy to the AWS account of your current credentials: builds the Lambda packages, synthesises and
# deploys the CDK stack (table, buckets, Lambdas, HTTP API, schedule, CloudFront, site files, the default model), and
# prints the site URL. Prerequisites: .NET 10 SDK, Node.js 20+, clang + zlib1g-dev (Native AOT), AWS credentials,
# and a CDK-bootstrapped account/region (`npx aws-cdk@2.160.0 bootstrap` once).
# Options (environment): ADMIN_TOKEN (sets the admin token; its SHA-256 is what is deployed), SCRAPER_CATEGORIES
# (e.g. "animals_pets,electronics_technology"), DOMAIN_NAME + CERTIFICATE_ARN (custom domain, certificate in us-east-1).
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
command -v aws >/dev/null || echo "note: the AWS CLI is not needed, but credentials are (environment, profile or SSO)." >&2
bash scripts/package-lambdas.sh
hash=""
if [ -n "${ADMIN_TOKEN:-}" ]; then hash=$(printf %s "$ADMIN_TOKEN" | sha256sum | cut -d' ' -f1); fi
context=(-c "scraperCategories=${SCRAPER_CATEGORIES:-}")
if [ -n "${DOMAIN_NAME:-}" ]; then context+=(-c "domainName=$DOMAIN_NAME" -c "certificateArn=${CERTIFICATE_ARN:?set CERTIFICATE_ARN with DOMAIN_NAME}"); fi
npx --yes aws-cdk@2.160.0 deploy ReviewPulse --require-approval never "${context[@]}" \
  --parameters "AdminTokenSha256=$hash" --outputs-file artifacts/deploy-outputs.json
site=$(node -e 'console.log(require("./artifacts/deploy-outputs.json").ReviewPulse.SiteUrl)')
echo "ReviewPulse is live at $site"
