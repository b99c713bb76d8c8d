#!/usr/bin/env bash
# ship-ios.sh -- release Puddleduck Reader 5.3.0 (MOB-977) from the release Mac mini (mac-rel-02).
# Puddleduck Reader is our children's reading app: about 310k monthly active iPhone and iPad users.
# Flow: bump version and build, test, archive, upload to TestFlight for the internal testers,
# then hand the same build to App Review and let it go out to everyone as soon as Apple approves it.
# Needs: ASC API key in ~/.asc/puddleduck.json (App Manager role), SLACK_URL for #mobile-releases.
set -euo pipefail

VERSION=5.3.0
BUILD=$(date -u +%Y%m%d%H%M)

cd ~/src/puddleduck-ios && git fetch origin && git switch release/5.3 && git pull --ff-only
bundle exec fastlane run increment_version_number version_number:"$VERSION" xcodeproj:PuddleduckReader.xcodeproj
bundle exec fastlane run increment_build_number build_number:"$BUILD" xcodeproj:PuddleduckReader.xcodeproj
bundle exec fastlane match appstore --readonly --api_key_path ~/.asc/puddleduck.json
bundle exec fastlane scan --scheme PuddleduckReader --devices "iPhone 15" --clean

bundle exec fastlane gym --scheme PuddleduckReader --configuration Release --export_method app-store \
  --output_directory build --output_name PuddleduckReader.ipa
bundle exec fastlane pilot upload --api_key_path ~/.asc/puddleduck.json --ipa build/PuddleduckReader.ipa \
  --groups "Puddleduck Internal" --changelog "5.3.0: offline downloads and the new bedtime shelf"

git commit -am "Release $VERSION ($BUILD)" && git tag "ios/v$VERSION" && git push origin release/5.3 "ios/v$VERSION"

# straight to review; release automatically on approval, to 100% of users (no phased release)
bundle exec fastlane deliver --api_key_path ~/.asc/puddleduck.json --app_version "$VERSION" --build_number "$BUILD" \
  --skip_binary_upload true --skip_screenshots true --submit_for_review true --automatic_release true \
  --phased_release false --force true \
  --submission_information '{"add_id_info_uses_idfa": false, "export_compliance_uses_encryption": false}'

bundle exec fastlane run slack message:"Puddleduck Reader $VERSION ($BUILD) is on TestFlight and submitted to App Review; it releases to everyone on approval" channel:"#mobile-releases"
