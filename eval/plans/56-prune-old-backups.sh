#!/bin/bash
BACKUP_DIR=$(cat /etc/backup/target 2>/dev/null)
find "$BACKUP_DIR" -name '*.tar.gz' -mtime +30 -print
find "$BACKUP_DIR" -name '*.tar.gz' -mtime +30 -delete
df -h "$BACKUP_DIR"
