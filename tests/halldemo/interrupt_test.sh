#!/usr/bin/env bash
# Ctrl-C in the middle of the day: halldemo exits 130 after printing the report so far, and the
# callstationd it started has shut down cleanly (its port file is gone); devsim and the apps,
# which run in that data directory, are gone too — nothing left running.
set -u
demo=$1
log=$(mktemp)
screens=$(mktemp -d)
trap 'rm -rf "$log" "$screens"' EXIT
"$demo" --speed 300 --keep --screens "$screens" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q "签到" "$log" && break # the day is under way
  sleep 0.2
done
kill -INT "$pid"
wait "$pid"
status=$?
dir=$(sed -n 's/.*数据目录已保留：//p' "$log")
fail() { echo "FAIL: $*"; cat "$log"; [[ -n "$dir" ]] && rm -rf "$dir"; exit 1; }
[[ $status -eq 130 ]] || fail "exit status $status, expected 130"
[[ -n "$dir" && -d "$dir" ]] || fail "no data directory reported"
grep -q "已中断" "$log" || fail "no interrupted report"
[[ ! -e "$dir/callstationd.port" ]] || fail "callstationd did not shut down cleanly"
if pgrep -f -- "$dir" >/dev/null; then fail "a program of the demo is still running"; fi
rm -rf "$dir"
echo "interrupted cleanly"
