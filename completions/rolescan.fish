# fish completion for rolescan: commands, each command's options (read from
# its --help), --format values and role ids (from `rolescan roles`).

set -l rolescan_commands scan score classify report match roles title lexicon help

function __rolescan_roles
    rolescan roles 2>/dev/null | awk '$1 ~ /^[1-8]$/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z][a-z0-9-]*$/) { print $i; break } }'
end

function __rolescan_options
    set -l cmd (commandline -opc)[2]
    rolescan $cmd --help 2>/dev/null | string match -ar -- '(?:^|[ ,])--?[a-zA-Z][a-z-]*' | string trim -c ' ,' | sort -u
end

complete -c rolescan -f
complete -c rolescan -n "not __fish_seen_subcommand_from $rolescan_commands" -a "$rolescan_commands"
complete -c rolescan -n "not __fish_seen_subcommand_from $rolescan_commands" -s h -l help -d 'help'
complete -c rolescan -n "not __fish_seen_subcommand_from $rolescan_commands" -s V -l version -d 'version'
complete -c rolescan -n "__fish_seen_subcommand_from help" -a "scan score classify report match roles title lexicon"
complete -c rolescan -n "__fish_seen_subcommand_from lexicon" -a check
complete -c rolescan -n "__fish_seen_subcommand_from $rolescan_commands; and string match -q -- '-*' (commandline -ct)" -a "(__rolescan_options)"
complete -c rolescan -n "__fish_seen_subcommand_from scan" -l format -x -a "text json"
complete -c rolescan -n "__fish_seen_subcommand_from score" -l format -x -a "text json jsonl"
complete -c rolescan -n "__fish_seen_subcommand_from match" -l format -x -a "text json jsonl csv"
complete -c rolescan -n "__fish_seen_subcommand_from classify" -l format -x -a "table csv jsonl"
complete -c rolescan -n "__fish_seen_subcommand_from $rolescan_commands" -l input-format -x -a "auto text html docx odt pdf"
complete -c rolescan -n "__fish_seen_subcommand_from $rolescan_commands" -l color -x -a "auto always never"
complete -c rolescan -n "__fish_seen_subcommand_from score report" -l target -x -a "(__rolescan_roles)"
complete -c rolescan -n "__fish_seen_subcommand_from $rolescan_commands; and not string match -q -- '-*' (commandline -ct)" -F
