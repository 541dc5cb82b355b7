#!/bin/bash
# Checks the shell completions against the built program: bash by
# simulating completions, fish with `complete -C`, zsh by loading the
# function (compsys cannot be driven without a terminal). zsh and fish are
# checked when installed (build.sh installs them).
#   check_completion.sh BUILT_ROLESCAN COMPLETIONS_DIR
set -u
rolescan=$1 dir=$2
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$rolescan" "$bin/rolescan"
export PATH="$bin:$PATH"
fail=0

# ---- bash
source "$dir/rolescan.bash"
complete -p rolescan >/dev/null || { echo "FAIL bash: no completion for rolescan"; fail=1; }
bash_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _rolescan
    printf '%s\n' "${COMPREPLY[@]}"
}
expect_bash() {   # WANT WORD...
    local want=$1
    shift
    bash_words "$@" | grep -qx -- "$want" ||
        { echo "FAIL bash: '$*' does not offer '$want'"; fail=1; }
}
expect_bash scan rolescan sc
expect_bash score rolescan sc
expect_bash --version rolescan --v
expect_bash --format rolescan score --fo
expect_bash --all-evidence rolescan scan --all
expect_bash -j rolescan classify -
expect_bash jsonl rolescan score --format ""
expect_bash csv rolescan match --format ""
expect_bash table rolescan classify --format ""
expect_bash backend-lead rolescan score --target backend-l
expect_bash cto rolescan report --target ""
expect_bash check rolescan lexicon ""
expect_bash classify rolescan help cl
# every long option a command's --help lists is offered
for cmd in scan score classify report match roles title; do
    for opt in $(rolescan "$cmd" --help | grep -oE -- '(^|[ ,])--[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
        expect_bash "$opt" rolescan "$cmd" "$opt"
    done
done

# ---- fish
if command -v fish >/dev/null; then
    fish -n "$dir/rolescan.fish" || { echo "FAIL fish: syntax"; fail=1; }
    fish_words() { fish -c "source '$dir/rolescan.fish'; complete -C '$1'" | cut -f1; }
    expect_fish() {   # WANT LINE
        fish_words "$2" | grep -qx -- "$1" ||
            { echo "FAIL fish: '$2' does not offer '$1'"; fail=1; }
    }
    expect_fish score "rolescan sc"
    expect_fish jsonl "rolescan score --format "
    expect_fish backend-lead "rolescan score --target backend-l"
    expect_fish --format "rolescan match --fo"
else
    echo "fish not installed: fish completion not checked"
fi

# ---- zsh
if command -v zsh >/dev/null; then
    zsh -n "$dir/_rolescan" || { echo "FAIL zsh: syntax"; fail=1; }
    zsh -fc "fpath=('$dir' \$fpath); autoload -Uz compinit; compinit -u -d '$bin/zcomp';
             autoload -Uz _rolescan; (( \${+functions[_rolescan]} )) && [[ \${_comps[rolescan]} == _rolescan ]]" ||
        { echo "FAIL zsh: _rolescan does not load as rolescan's completion"; fail=1; }
else
    echo "zsh not installed: zsh completion not checked"
fi

[ $fail -eq 0 ] && echo "completion: ok"
exit $fail
