#!/usr/bin/env bash
# The pre-commit hook in .pre-commit-hooks.yaml: assesses each staged plan file pre-commit
# passes, one report per file under its name, and fails the commit when any plan's verdict is
# at or above block (or APPROVAL_RISK_FAIL_ON). Needs `approval-risk` on PATH
# (`cargo install --path crates/approval-risk-cli` in this repository).
set -uo pipefail

bin="${APPROVAL_RISK_BIN:-approval-risk}"
fail_on="${APPROVAL_RISK_FAIL_ON:-block}"
if ! command -v "$bin" >/dev/null 2>&1; then
  echo "approval-risk is not installed: cargo install --path crates/approval-risk-cli (see docs/integrations.md)" >&2
  exit 2
fi

worst=0
for file in "$@"; do
  echo "== ${file}"
  "$bin" assess "$file" --fail-on "$fail_on"
  status=$?
  if ((status > worst)); then
    worst=$status
  fi
done
exit "$worst"
