#!/usr/bin/env bash
# The generated zsh completion parses (zsh -n), hands zsh's _arguments the
# commands, options and option values (called with _arguments and _describe
# replaced by functions that print what they are given), and completes in a
# real interactive zsh driven through a pseudo-terminal (zsh/zpty). Needs zsh
# (scripts/ensure-deps.sh test); without it the test is skipped (exit 77),
# except under CI=true, where it fails.
#   check_zsh_completion.sh COMPLETION_FILE
set -u
file=$1
if ! command -v zsh > /dev/null; then
  echo "zsh is not installed (scripts/ensure-deps.sh test installs it)"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
fail=0
zsh -n "$file" || { echo "zsh -n: $file does not parse"; fail=1; }

# What the completion function passes to _arguments / _describe, one per line.
specs=$(zsh -f -c '
  # The first call (plancheck <TAB>) leaves the state "command".
  _arguments() { print -rl -- "$@"; [[ $1 == -C ]] && state=command; return 0 }
  _describe() { print -rl -- "${(@P)${@[-1]}}"; return 0 }
  source "$1"
  _plancheck_evaluate
  _plancheck_init
  ' zsh "$file")
check() {  # a line that must be among them
  grep -qxF -- "$1" <<< "$specs" || { echo "missing: $1"; fail=1; }
}
check "--format=[Output format\: table, json, csv, markdown, junit, github, html, xlsx]:format:(table json csv markdown junit github html xlsx)"
check "--status=[Only milestones with these statuses (e.g. at-risk,off-track; also as the tables name them\: \"chậm tiến độ\")]:status:_values -s , status met on-track at-risk off-track missed unknown"
check "*--data=[More data files or directories]:data:_files"
check "*:paths:_files"
check "--type=[Kind of unit\: commune, ward, district or city (or xã, phường, huyện, thành phố)]:type:(commune ward district city)"
check "1: :->command"
check "evaluate:Every indicator and milestone: attainment, gap, trend, status"

# A real completion: zsh -i in a pseudo-terminal, the completion's directory
# in fpath, compinit, then "$1<TAB>"; passes when the screen (escape
# sequences taken out) shows $2 within 10 seconds.
complete_shows() {
  zsh -f -c '
    setopt extendedglob
    zmodload zsh/zpty || exit 2
    zpty -b z "zsh -f -i"
    zpty -w z "PS1=\"> \"; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D; plancheck() { :; }"
    zpty -w -n z "$2"$'"'"'\t'"'"'
    local all= chunk
    integer i
    for (( i = 0; i < 100; i++ )); do
      while zpty -r -t z chunk; do all+=$chunk; done
      [[ ${all//$'"'"'\e'"'"'\[[0-9;?]#[a-zA-Z]/} == *"$3"* ]] && { zpty -d z; exit 0 }
      sleep 0.1
    done
    zpty -d z
    exit 1' zsh "$(dirname "$(realpath "$file")")" "$1" "$2" ||
    { echo "zsh: '$1<TAB>' does not show '$2'"; fail=1; }
}
complete_shows "plancheck " "Every indicator and milestone"
complete_shows "plancheck evaluate --format " "markdown"
complete_shows "plancheck gaps --stage l" "lower-secondary"
complete_shows "plancheck init --type c" "commune"
exit $fail
