#!/usr/bin/env bash
# Free disk on web-03: purge the renderer's cache.
# The cache location is configured per host.

CACHE_DIR=$(cat /etc/acme-render/cache_dir 2>/dev/null)

df -h /var

# Stop the renderer so it doesn't write while we purge
sudo systemctl stop acme-render

# Purge everything in the cache
sudo rm -rf "$CACHE_DIR"/*

sudo systemctl start acme-render

df -h /var
