#!/usr/bin/env bash
# The entry point of the GitHub Action in action.yml, kept in a script so a test can run it with
# fake GITHUB_* variables (crates/approval-risk-cli/tests/action.rs).
#
# Assesses every plan file matching INPUT_PLANS (glob patterns, one per line or separated by
# spaces; `**` crosses folders), appends each plan's Markdown report, exactly as
# `approval-risk assess FILE --format markdown` writes it, to $GITHUB_STEP_SUMMARY, writes one
# SARIF log to INPUT_SARIF when set, and fails when any plan's verdict is at or above
# INPUT_FAIL_ON. Matching no file at all fails too: a gate whose glob is wrong would otherwise
# pass every pull request.
#
# Inputs (environment): INPUT_PLANS, INPUT_FAIL_ON (default block), INPUT_TARGET,
# INPUT_CREDENTIALS, INPUT_CHANGE_FREEZE (true/false), INPUT_POLICY, INPUT_SARIF, INPUT_RULES_URL;
# APPROVAL_RISK_BIN (default approval-risk on PATH); GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
set -euo pipefail
shopt -s globstar nullglob

bin="${APPROVAL_RISK_BIN:-approval-risk}"
fail_on="${INPUT_FAIL_ON:-block}"
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"

context=()
[[ -n "${INPUT_TARGET:-}" ]] && context+=(--target "$INPUT_TARGET")
[[ -n "${INPUT_CREDENTIALS:-}" ]] && context+=(--credentials "$INPUT_CREDENTIALS")
[[ "${INPUT_CHANGE_FREEZE:-false}" == "true" ]] && context+=(--change-freeze)
[[ -n "${INPUT_POLICY:-}" ]] && context+=(--policy "$INPUT_POLICY")

# Every file the patterns match, each once, in a stable order.
files=()
read -r -d '' -a patterns <<<"${INPUT_PLANS:-}" || true
for pattern in "${patterns[@]}"; do
  # The pattern is expanded here on purpose: it is a glob.
  # shellcheck disable=SC2206
  matched=($pattern)
  for file in "${matched[@]}"; do
    [[ -f "$file" ]] && files+=("$file")
  done
done
if ((${#files[@]} > 0)); then
  mapfile -t files < <(printf '%s\n' "${files[@]}" | LC_ALL=C sort -u)
fi

if ((${#files[@]} == 0)); then
  echo "::error::approval-risk: no plan file matches \`${INPUT_PLANS:-}\`"
  exit 1
fi

at_or_above=()
unreadable=()
for file in "${files[@]}"; do
  status=0
  "$bin" assess "$file" --format markdown --fail-on "$fail_on" "${context[@]}" >>"$summary" || status=$?
  case "$status" in
    0) ;;
    3) at_or_above+=("$file") ;;
    *) unreadable+=("$file") ;;
  esac
done

if [[ -n "${INPUT_SARIF:-}" ]]; then
  rules=()
  # Run from a local checkout (`uses: ./`), the action has no repository of its own to link to.
  case "${INPUT_RULES_URL:-}" in
    "" | *"//blob/"* | *"/blob//"*) ;;
    *) rules+=(--rules-url "$INPUT_RULES_URL") ;;
  esac
  status=0
  "$bin" assess --format sarif "${rules[@]}" "${context[@]}" -- "${files[@]}" >"$INPUT_SARIF" || status=$?
  if ((status != 0 && status != 3)); then
    unreadable+=("(SARIF)")
  fi
fi

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "plans=${#files[@]}"
    echo "at-or-above=${#at_or_above[@]}"
    echo "sarif=${INPUT_SARIF:-}"
  } >>"$GITHUB_OUTPUT"
fi

for file in "${unreadable[@]}"; do
  echo "::error::approval-risk could not assess ${file}"
done
for file in "${at_or_above[@]}"; do
  echo "::error file=${file}::the plan's verdict is at or above ${fail_on}"
done
if ((${#unreadable[@]} > 0)); then
  exit 2
fi
if ((${#at_or_above[@]} > 0)); then
  exit 1
fi
echo "approval-risk: ${#files[@]} plan(s) below ${fail_on}"
