#!/usr/bin/env bash
# The same command on a terminal and piped: colour only on the terminal
# without NO_COLOR; --color always/never override; the text is otherwise
# identical (at 100 columns), and as wide as a wider terminal.
set -u
bin=$1
plan=tests/fixtures/good/
esc=$'\x1b['
fail=0
# A 100-column pseudo-terminal (whatever the terminal running the tests),
# without the caller's COLUMNS.
unset COLUMNS
on_tty() { script -qec "stty cols 100; $*" /dev/null | tr -d '\r'; }

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
# The table's width: the terminal's when wider than 100 columns (asked with
# TIOCGWINSZ; COLUMNS when the terminal does not say), 100 when narrower or
# piped, --width over both.
long=tests/fixtures/long-names/
strip() { sed 's/\x1b\[[0-9;]*m//g'; }
wide=$(on_tty "stty cols 150; $bin evaluate $long" | strip)
[ "$wide" = "$("$bin" evaluate "$long" --width 150)" ] || { echo "a 150-column terminal: not a 150-column table"; fail=1; }
[ "$wide" != "$("$bin" evaluate "$long")" ] || { echo "a 150-column terminal: the same table as piped"; fail=1; }
narrow=$(on_tty "stty cols 80; $bin evaluate $long" | strip)
[ "$narrow" = "$("$bin" evaluate "$long")" ] || { echo "an 80-column terminal: not the 100-column table"; fail=1; }
columns=$(on_tty "stty cols 0; COLUMNS=130 $bin evaluate $long" | strip)
[ "$columns" = "$("$bin" evaluate "$long" --width 130)" ] || { echo "COLUMNS=130 on a terminal that does not say"; fail=1; }
[ "$(COLUMNS=130 "$bin" evaluate "$long")" = "$("$bin" evaluate "$long")" ] || { echo "COLUMNS read when piped"; fail=1; }
option=$(on_tty "stty cols 150; $bin evaluate $long --width 60" | strip)
[ "$option" = "$("$bin" evaluate "$long" --width 60)" ] || { echo "--width does not win over the terminal"; fail=1; }
[ $fail = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
