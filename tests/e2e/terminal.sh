#!/usr/bin/env bash
# The same command on a terminal and piped: colour only on the terminal
# without NO_COLOR; --color always/never override; the text is otherwise
# identical.
set -u
bin=$1
plan=tests/fixtures/good/
esc=$'\x1b['
fail=0
on_tty() { script -qec "$*" /dev/null | tr -d '\r'; }

piped=$("$bin" evaluate "$plan")
tty=$(NO_COLOR= on_tty "$bin" evaluate "$plan")
tty_nocolor=$(NO_COLOR=1 on_tty "$bin" evaluate "$plan")
forced=$("$bin" evaluate "$plan" --color always)
never=$(NO_COLOR= on_tty "$bin" evaluate "$plan" --color never)

[[ "$piped" == *"$esc"* ]] && { echo "colour when piped"; fail=1; }
[[ "$tty" == *"$esc"* ]] || { echo "no colour on a terminal"; fail=1; }
[[ "$tty_nocolor" == *"$esc"* ]] && { echo "colour despite NO_COLOR"; fail=1; }
[[ "$forced" == *"$esc"* ]] || { echo "--color always gave no colour"; fail=1; }
[[ "$never" == *"$esc"* ]] && { echo "--color never gave colour"; fail=1; }
stripped=$(printf '%s' "$tty" | sed 's/\x1b\[[0-9;]*m//g')
[ "$stripped" = "$piped" ] || { echo "terminal text differs from piped text:"; diff <(echo "$stripped") <(echo "$piped"); fail=1; }
[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
