#!/usr/bin/env bash
# The generated bash completion, called as bash calls it (COMP_WORDS,
# COMP_CWORD): commands, options, option values (formats, statuses, one item
# of a comma-separated list, --opt=value) and file names.
#   check_bash_completion.sh COMPLETION_FILE
set -u
file=$(realpath "$1")
fail=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/ha-bac.yaml" "$dir/ha-dong.yaml"

# expect "WORDS..." "EXPECTED COMPREPLY": the last word is the one completed.
expect() {
  local got
  got=$(cd "$dir" && bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _plancheck
    echo "${COMPREPLY[*]}"' bash "$file" "${@:1:$#-1}")
  if [ "$got" != "${!#}" ]; then
    echo "plancheck ${*:2:$#-2} <TAB>: got '$got', expected '${!#}'"
    fail=1
  fi
}

expect plancheck ev "evaluate"
expect plancheck "" "evaluate gaps project summary validate init template catalogue align extract"
expect plancheck --v "--version"
expect plancheck evaluate --form "--format"
expect plancheck evaluate --format j "json junit"
expect plancheck evaluate --format = x "xlsx"
expect plancheck summary --json-style c "compact"
expect plancheck gaps --status "" "met on-track at-risk off-track missed unknown"
expect plancheck gaps --fail-on missed,o "missed,on-track missed,off-track"
expect plancheck evaluate --stage lower "lower-secondary"
expect plancheck init --type c "commune city"
expect plancheck validate --format g "github"
expect plancheck --lang v "vi"
expect plancheck evaluate ha-b "ha-bac.yaml"
expect plancheck evaluate --data ha-d "ha-dong.yaml"
expect plancheck evaluate --as-of 20 ""
expect plancheck catalogue --search ha ""
expect plancheck init ha ""
# The file is registered for the command.
registered=$(bash --norc --noprofile -c 'source "$1"; complete -p plancheck' bash "$file")
[ "$registered" = "complete -F _plancheck plancheck" ] || { echo "not registered: '$registered'"; fail=1; }
exit $fail
