# bash completion for ipvsadm: commands, the options each command takes, scheduler names,
# forwarding methods, tunnel types, and the virtual services and real servers in the kernel's
# table (read with `ipvsadm -Sn`, which needs root; without it nothing is offered for them).

_ipvsadm_schedulers="rr wrr lc wlc lblc lblcr dh sh sed nq fo ovf mh twos"
_ipvsadm_commands="-A --add-service -E --edit-service -D --delete-service -C --clear
    -R --restore -S --save -a --add-server -e --edit-server -d --delete-server -L -l --list
    -Z --zero --set --start-daemon --stop-daemon -h --help -v --version"
_ipvsadm_service_options="-t --tcp-service -u --udp-service --sctp-service -f --fwmark-service -6 --ipv6"

# The options COMMAND takes besides the virtual service, as 1.31's option table allows them.
_ipvsadm_command_options() {
    case "$1" in
        -A|--add-service|-E|--edit-service)
            echo "$_ipvsadm_service_options -s --scheduler -p --persistent -M --netmask --pe
                -b --sched-flags -o --ops" ;;
        -a|--add-server|-e|--edit-server)
            echo "$_ipvsadm_service_options -r --real-server -g --gatewaying -i --ipip
                -m --masquerading -w --weight -x --u-threshold -y --l-threshold --tun-type
                --tun-port --tun-nocsum --tun-csum --tun-remcsum" ;;
        -d|--delete-server) echo "$_ipvsadm_service_options -r --real-server" ;;
        -D|--delete-service|-Z|--zero) echo "$_ipvsadm_service_options" ;;
        -L|-l|--list)
            echo "$_ipvsadm_service_options -n --numeric -c --connection --timeout --daemon
                --stats --rate --exact --thresholds --persistent-conn --tun-info --nosort --sort --json" ;;
        -S|--save) echo "-n --numeric --json" ;;
        --start-daemon)
            echo "--syncid --sync-maxlen --mcast-interface --mcast-group --mcast-port --mcast-ttl" ;;
    esac
}

# `ipvsadm -Sn` lines, or nothing when the table cannot be read.
_ipvsadm_saved_table() {
    "${1:-ipvsadm}" -Sn 2>/dev/null
}

# The services of the table given with FLAG (-t, -u, --sctp-service or -f), in the form the
# flag takes: 192.0.2.1:80, [2001:db8::1]:80, or a firewall mark.
_ipvsadm_services() {
    local flag=$1 line words
    while read -r -a words; do
        [ "${words[0]}" = "-A" ] || continue
        case "$flag:${words[1]}" in
            -t:-t|--tcp-service:-t|-u:-u|--udp-service:-u|--sctp-service:--sctp-service|-f:-f|--fwmark-service:-f)
                echo "${words[2]}" ;;
        esac
    done <<< "$2"
}

# The real servers of the service FLAG ADDRESS.
_ipvsadm_real_servers() {
    local flag=$1 service=$2 words
    case "$flag" in
        --tcp-service) flag=-t ;; --udp-service) flag=-u ;; --fwmark-service) flag=-f ;;
    esac
    while read -r -a words; do
        [ "${words[0]}" = "-a" ] && [ "${words[1]}" = "$flag" ] && [ "${words[2]}" = "$service" ] \
            && [ "${words[3]}" = "-r" ] && echo "${words[4]}"
    done <<< "$3"
}

_ipvsadm() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local command="" service_flag="" service="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case "$word" in
            -A|--add-service|-E|--edit-service|-D|--delete-service|-C|--clear|-R|--restore|\
            -S|--save|-a|--add-server|-e|--edit-server|-d|--delete-server|-L|-l|--list|\
            -Z|--zero|--set|--start-daemon|--stop-daemon|-h|--help|-v|--version)
                [ -z "$command" ] && command=$word ;;
            -t|--tcp-service|-u|--udp-service|--sctp-service|-f|--fwmark-service)
                service_flag=$word; service=${COMP_WORDS[i+1]:-} ;;
        esac
    done
    COMPREPLY=()

    case "$prev" in
        -s|--scheduler) COMPREPLY=($(compgen -W "$_ipvsadm_schedulers" -- "$cur")); return ;;
        --tun-type) COMPREPLY=($(compgen -W "ipip gue gre" -- "$cur")); return ;;
        --pe) COMPREPLY=($(compgen -W "sip" -- "$cur")); return ;;
        --start-daemon|--stop-daemon) COMPREPLY=($(compgen -W "master backup" -- "$cur")); return ;;
        --mcast-interface)
            COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null)" -- "$cur")); return ;;
        -b|--sched-flags)
            # A comma-separated list: complete its last item.
            local done_items=${cur%"${cur##*,}"}
            COMPREPLY=($(compgen -P "$done_items" -W "sh-fallback sh-port mh-fallback mh-port flag-1 flag-2 flag-3" -- "${cur##*,}"))
            return ;;
        -t|--tcp-service|-u|--udp-service|--sctp-service|-f|--fwmark-service)
            case "$command" in
                -A|--add-service|"") ;;  # a new service: nothing to offer
                *) COMPREPLY=($(compgen -W "$(_ipvsadm_services "$prev" "$(_ipvsadm_saved_table "${COMP_WORDS[0]}")")" -- "$cur")) ;;
            esac
            return ;;
        -r|--real-server)
            case "$command" in
                -e|--edit-server|-d|--delete-server)
                    [ -n "$service" ] && COMPREPLY=($(compgen -W "$(_ipvsadm_real_servers "$service_flag" "$service" "$(_ipvsadm_saved_table "${COMP_WORDS[0]}")")" -- "$cur")) ;;
            esac
            return ;;
        -p|--persistent)
            [[ $cur == -* ]] || return ;;  # the timeout is optional: an option may follow
        -M|--netmask|-w|--weight|-x|--u-threshold|-y|--l-threshold|--tun-port|\
        --syncid|--sync-maxlen|--mcast-group|--mcast-port|--mcast-ttl)
            return ;;
    esac

    if [ -z "$command" ]; then
        COMPREPLY=($(compgen -W "$_ipvsadm_commands" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$(_ipvsadm_command_options "$command")" -- "$cur"))
    fi
}
complete -F _ipvsadm ipvsadm

# ipvsadm-save takes -n only; ipvsadm-restore reads standard input.
_ipvsadm_save() {
    COMPREPLY=($(compgen -W "-n" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -F _ipvsadm_save ipvsadm-save
