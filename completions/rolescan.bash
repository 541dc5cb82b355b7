# bash completion for rolescan. The options come from each command's own
# --help and the role ids from `rolescan roles`, so they never fall behind
# the program.

_rolescan_roles() {
    rolescan roles 2>/dev/null |
        awk '$1 ~ /^[1-8]$/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z][a-z0-9-]*$/) { print $i; break } }'
}

_rolescan() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="scan score classify report match roles title lexicon help"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands -h --help -V --version" -- "$cur"))
        return
    fi
    local cmd=${COMP_WORDS[1]} values=
    case $prev in
        --format)
            case $cmd in
                scan) values="text json" ;;
                score) values="text json jsonl" ;;
                match) values="text json jsonl csv" ;;
                classify) values="table csv jsonl" ;;
            esac ;;
        --input-format) values="auto text html docx odt pdf" ;;
        --color) values="auto always never" ;;
        --target) values=$(_rolescan_roles) ;;
        --lexicons|--cache-dir)
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -o|--output|--report|--job)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --max-size|--top|--as-of|--glob|-j|--jobs)
            return ;;
    esac
    if [ -n "$values" ]; then
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        return
    fi
    if [ "$cmd" = help ]; then
        COMPREPLY=($(compgen -W "${commands% help}" -- "$cur"))
        return
    fi
    if [ "$cmd" = lexicon ] && [ "$COMP_CWORD" -eq 2 ]; then
        COMPREPLY=($(compgen -W "check" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local opts
        opts=$(rolescan "$cmd" --help 2>/dev/null | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*' |
               tr -d ' ,' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _rolescan rolescan
