#!/usr/bin/env bash
# A whole hall day: the report the terminals saw agrees with the controller's, and the apps beside
# it did what `./hall demo` promises — every hour shown has a screenshot of each role at its
# screen's size and the LED strips' text; the tickets touched on the app's ticket machine came out
# of the printer twin with their number, and their QR code decodes to the ticket's identity; the
# bookings scanned at it were checked in; hall-windowpad served and its citizens rated at its
# window (the report's row of that window has them), both its faces saved at their size.
set -u
demo=$1 speed=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/out.txt
"$demo" --speed "$speed" --seed 11 --screens "$work/screens" >"$log" 2>&1
status=$?
fail() { echo "FAIL: $*"; tail -40 "$log"; exit 1; }
[[ $status -eq 0 ]] || fail "exit status $status"
grep -q "终端所见与控制器日报一致" "$log" || fail "the report does not agree"
! grep -q "inconsistency\|模拟异常" "$log" || fail "inconsistencies"

png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
hours=0
for board in "$work"/screens/*-call-board.png; do
  stamp=$(basename "$board" -call-board.png)
  [[ $(png_size "$board") == 1920x1080 ]] || fail "$board is $(png_size "$board")"
  machine=$work/screens/$stamp-ticket-machine.png
  [[ -f $machine && $(png_size "$machine") == 1080x1920 ]] || fail "no portrait $machine"
  [[ -s $work/screens/$stamp-led-strips.txt ]] || fail "no LED strips at $stamp"
  hours=$((hours + 1))
done
[[ $hours -ge 6 ]] || fail "only $hours hours shown"
grep -q "办理中" "$work"/screens/*-led-strips.txt || fail "no strip ever showed a ticket being served"

printed=0
while read -r number; do
  ticket=$(grep -l -- "$number" "$work"/screens/tickets/ticket-*.txt | head -1)
  [[ -n $ticket ]] || fail "ticket $number was not printed"
  qr=$(sed -n 's/.*\[QR\] //p' "$ticket")
  [[ $qr == hall-ticket:* ]] || fail "$ticket has no ticket QR"
  decoded=$(zbarimg --quiet --raw "${ticket%.txt}.png")
  [[ $decoded == "$qr" ]] || fail "$ticket: the QR decodes to '$decoded', expected '$qr'"
  printed=$((printed + 1))
done < <(sed -n 's/.*\(触屏取号\|扫码签到\) \([A-Z][0-9]*\)，号票已打印.*/\2/p' "$log")
[[ $printed -ge 5 ]] || fail "only $printed tickets printed at the app"
checkins=$(grep -c "扫码签到 .*号票已打印" "$log")
[[ $checkins -ge 3 ]] || fail "only $checkins bookings checked in at the app"

# "其中 hall-windowpad（窗口 1 的呼叫器和评价器）办结 3 件，评价 3 次"
read -r window served rated < <(sed -n 's/.*其中 hall-windowpad（窗口 \([0-9]*\) 的呼叫器和评价器）办结 \([0-9]*\) 件，评价 \([0-9]*\) 次.*/\1 \2 \3/p' "$log")
[[ -n ${window:-} ]] || fail "no hall-windowpad line in the summary"
[[ $served -ge 1 && $rated -ge 1 ]] || fail "hall-windowpad served $served and rated $rated"
# The report's first row of that window: … served no-show transferred cancelled satisfaction bad.
read -r -a row < <(grep -m1 -- "^ *$window 号 " "$log")
n=${#row[@]}
[[ $n -ge 8 && ${row[n-6]} -ge $served && ${row[n-2]} == *% ]] ||
  fail "the report's row of window $window does not show the pad's visits rated: ${row[*]:-none}"
pads=0
for clerk in "$work"/screens/*-window-pad-clerk.png; do
  [[ -e $clerk ]] || continue
  [[ $(png_size "$clerk") == 1280x800 ]] || fail "$clerk is $(png_size "$clerk")"
  citizen=${clerk%-clerk.png}-citizen.png
  [[ -f $citizen && $(png_size "$citizen") == 1280x800 ]] || fail "no citizen face beside $clerk"
  pads=$((pads + 1))
done
[[ $pads -ge 6 ]] || fail "only $pads hours of the window pad shown"
echo "day consistent; $hours hours shown; $printed app tickets printed, their QR codes decode;" \
  "hall-windowpad served $served and rated $rated at window $window"
