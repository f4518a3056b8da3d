#ifndef CIPVS_H
#define CIPVS_H

/*
 * Marshalling between the kernel's "IPVS" generic-netlink family and plain C structs.
 *
 * Why a C shim at all: libnl's attribute API is a set of macros and variadic-free but
 * pointer-heavy helpers (nla_nest_start, nla_put_*, nla_parse with policy tables) that are
 * clumsy and unsafe to drive from Swift. This file does only that marshalling: no sockets, no
 * policy, no retries. Swift owns the socket and the messages and decides what to send.
 *
 * Conventions: every symbol is prefixed `cipvs_`; functions return 0 (or a count) on success and
 * a negative libnl NLE_* code on failure. Kernel errnos never travel through return values; they
 * arrive in `struct cipvs_message.error`.
 *
 * Values are carried exactly as the kernel puts them on the wire: ports, tunnel ports and the
 * IPv4 persistence netmask stay in network byte order (`_be` fields); the Swift side converts.
 *
 * The numbers below are the kernel's user-space ABI for IPVS (uapi linux/ip_vs.h), written out
 * here because that header is not always installed and because only these few are needed.
 */

#include <stddef.h>
#include <stdint.h>

/* libnl's message type, left opaque: Swift allocates and frees it through libnl itself. */
struct nl_msg;

/* The generic-netlink family name and the version its messages carry. */
#define CIPVS_GENL_NAME "IPVS"
#define CIPVS_GENL_VERSION 1

/* Generic-netlink commands of the IPVS family. */
enum cipvs_command {
    CIPVS_CMD_NEW_SERVICE = 1,
    CIPVS_CMD_SET_SERVICE = 2,
    CIPVS_CMD_DEL_SERVICE = 3,
    CIPVS_CMD_GET_SERVICE = 4,
    CIPVS_CMD_NEW_DEST = 5,
    CIPVS_CMD_SET_DEST = 6,
    CIPVS_CMD_DEL_DEST = 7,
    CIPVS_CMD_GET_DEST = 8,
    CIPVS_CMD_NEW_DAEMON = 9,
    CIPVS_CMD_DEL_DAEMON = 10,
    CIPVS_CMD_GET_DAEMON = 11,
    CIPVS_CMD_SET_CONFIG = 12,
    CIPVS_CMD_GET_CONFIG = 13,
    CIPVS_CMD_SET_INFO = 14,
    CIPVS_CMD_GET_INFO = 15,
    CIPVS_CMD_ZERO = 16,
    CIPVS_CMD_FLUSH = 17,
};

/* Netlink header flags Swift needs to build requests and read replies (linux/netlink.h). */
enum cipvs_nlm_flag {
    CIPVS_NLM_F_REQUEST = 0x01,
    CIPVS_NLM_F_MULTI = 0x02,
    CIPVS_NLM_F_ACK = 0x04,
    CIPVS_NLM_F_DUMP_INTR = 0x10,
    CIPVS_NLM_F_DUMP = 0x300,
};

/* Netlink control message types (linux/netlink.h). */
enum cipvs_nlmsg_type {
    CIPVS_NLMSG_NOOP = 1,
    CIPVS_NLMSG_ERROR = 2,
    CIPVS_NLMSG_DONE = 3,
    CIPVS_NLMSG_OVERRUN = 4,
};

/*
 * Which attributes a struct carries. On the way out only the attributes whose bit is set are
 * put in the message (a key-only service for DEL/GET, a full one for NEW/SET); on the way in the
 * bits say which attributes the kernel sent.
 */
enum cipvs_service_field {
    CIPVS_SVC_AF = 1u << 0,
    CIPVS_SVC_PROTOCOL = 1u << 1,
    CIPVS_SVC_ADDR = 1u << 2,
    CIPVS_SVC_PORT = 1u << 3,
    CIPVS_SVC_FWMARK = 1u << 4,
    CIPVS_SVC_SCHED_NAME = 1u << 5,
    CIPVS_SVC_FLAGS = 1u << 6,
    CIPVS_SVC_TIMEOUT = 1u << 7,
    CIPVS_SVC_NETMASK = 1u << 8,
    CIPVS_SVC_STATS = 1u << 9,
    CIPVS_SVC_PE_NAME = 1u << 10,
    CIPVS_SVC_STATS64 = 1u << 11,
};

enum cipvs_dest_field {
    CIPVS_DEST_ADDR = 1u << 0,
    CIPVS_DEST_PORT = 1u << 1,
    CIPVS_DEST_FWD_METHOD = 1u << 2,
    CIPVS_DEST_WEIGHT = 1u << 3,
    CIPVS_DEST_U_THRESH = 1u << 4,
    CIPVS_DEST_L_THRESH = 1u << 5,
    CIPVS_DEST_ACTIVE_CONNS = 1u << 6,
    CIPVS_DEST_INACT_CONNS = 1u << 7,
    CIPVS_DEST_PERSIST_CONNS = 1u << 8,
    CIPVS_DEST_STATS = 1u << 9,
    CIPVS_DEST_ADDR_FAMILY = 1u << 10,
    CIPVS_DEST_STATS64 = 1u << 11,
    CIPVS_DEST_TUN_TYPE = 1u << 12,
    CIPVS_DEST_TUN_PORT = 1u << 13,
    CIPVS_DEST_TUN_FLAGS = 1u << 14,
};

enum cipvs_daemon_field {
    CIPVS_DAEMON_STATE = 1u << 0,
    CIPVS_DAEMON_MCAST_IFN = 1u << 1,
    CIPVS_DAEMON_SYNC_ID = 1u << 2,
    CIPVS_DAEMON_SYNC_MAXLEN = 1u << 3,
    CIPVS_DAEMON_MCAST_GROUP = 1u << 4,
    CIPVS_DAEMON_MCAST_GROUP6 = 1u << 5,
    CIPVS_DAEMON_MCAST_PORT = 1u << 6,
    CIPVS_DAEMON_MCAST_TTL = 1u << 7,
};

enum cipvs_config_field {
    CIPVS_CONFIG_TCP = 1u << 0,
    CIPVS_CONFIG_TCP_FIN = 1u << 1,
    CIPVS_CONFIG_UDP = 1u << 2,
};

enum cipvs_info_field {
    CIPVS_INFO_VERSION = 1u << 0,
    CIPVS_INFO_CONN_TAB_SIZE = 1u << 1,
};

/* Longest names the kernel accepts, without the terminating NUL. */
#define CIPVS_SCHED_NAME_MAX 15
#define CIPVS_PE_NAME_MAX 31
#define CIPVS_IFNAME_MAX 15
/* Room for a name in the structs: more than the kernel accepts, so that an overlong name from the
 * user reaches the kernel intact and is refused there (EINVAL), as with ipvsadm, not cut short here. */
#define CIPVS_NAME_CAPACITY 64

/* Counters and rates; from the 64-bit or the legacy 32-bit attribute set alike. */
struct cipvs_stats {
    uint64_t conns;
    uint64_t inpkts;
    uint64_t outpkts;
    uint64_t inbytes;
    uint64_t outbytes;
    uint64_t cps;
    uint64_t inpps;
    uint64_t outpps;
    uint64_t inbps;
    uint64_t outbps;
};

/* A virtual service: the nested IPVS_CMD_ATTR_SERVICE attribute. */
struct cipvs_service {
    uint32_t fields;             /* enum cipvs_service_field bits */
    uint16_t af;
    uint16_t protocol;
    uint8_t addr[16];            /* network order; IPv4 in the first four bytes */
    uint16_t port_be;
    uint32_t fwmark;
    char sched_name[CIPVS_NAME_CAPACITY];
    uint32_t flags;
    uint32_t flags_mask;         /* which bits of `flags` a SET may change */
    uint32_t timeout;
    uint32_t netmask_be;         /* IPv4: a mask in network order; IPv6: a prefix length */
    char pe_name[CIPVS_NAME_CAPACITY];
    struct cipvs_stats stats;
    struct cipvs_stats stats64;
};

/* A destination (real server): the nested IPVS_CMD_ATTR_DEST attribute. */
struct cipvs_dest {
    uint32_t fields;             /* enum cipvs_dest_field bits */
    uint8_t addr[16];
    uint16_t port_be;
    uint32_t fwd_method;
    int32_t weight;
    uint32_t u_threshold;
    uint32_t l_threshold;
    uint32_t active_conns;
    uint32_t inact_conns;
    uint32_t persist_conns;
    uint16_t addr_family;
    uint8_t tun_type;
    uint16_t tun_port_be;
    uint16_t tun_flags;
    struct cipvs_stats stats;
    struct cipvs_stats stats64;
};

/* A sync daemon: the nested IPVS_CMD_ATTR_DAEMON attribute. */
struct cipvs_daemon {
    uint32_t fields;             /* enum cipvs_daemon_field bits */
    uint32_t state;
    char mcast_ifn[CIPVS_NAME_CAPACITY];
    uint32_t sync_id;
    uint16_t sync_maxlen;
    uint8_t mcast_group[4];      /* network order */
    uint8_t mcast_group6[16];
    uint16_t mcast_port;         /* host order: the kernel keeps this one unswapped */
    uint8_t mcast_ttl;
};

/* Connection timeouts in seconds: top-level attributes of SET_CONFIG and its reply. */
struct cipvs_config {
    uint32_t fields;             /* enum cipvs_config_field bits */
    uint32_t tcp;
    uint32_t tcp_fin;
    uint32_t udp;
};

/* GET_INFO's reply. */
struct cipvs_info {
    uint32_t fields;             /* enum cipvs_info_field bits */
    uint32_t version;
    uint32_t conn_tab_size;
};

/* ---- Building requests ---- */

/* Adds the generic-netlink header for `command` to an empty message; Swift picks flags and the
 * family id. Exists because genlmsg_put's eight arguments are easy to get wrong. */
int cipvs_put_header(struct nl_msg *msg, int family, uint8_t command, int nlm_flags);

/* Nests a service's selected attributes under IPVS_CMD_ATTR_SERVICE. */
int cipvs_put_service(struct nl_msg *msg, const struct cipvs_service *service);

/* Nests a destination's selected attributes under IPVS_CMD_ATTR_DEST. */
int cipvs_put_dest(struct nl_msg *msg, const struct cipvs_dest *dest);

/* Nests a daemon's selected attributes under IPVS_CMD_ATTR_DAEMON. */
int cipvs_put_daemon(struct nl_msg *msg, const struct cipvs_daemon *daemon);

/* Puts the selected timeouts as top-level attributes. */
int cipvs_put_config(struct nl_msg *msg, const struct cipvs_config *config);

/* The bytes of a built message (header included) and their length, so that Swift can lay many
 * messages end to end in one datagram: the kernel handles each and acks each by sequence. */
const void *cipvs_message_bytes(struct nl_msg *msg, size_t *length);

/* The sequence number libnl assigned when the message was completed. */
uint32_t cipvs_message_sequence(struct nl_msg *msg);

/* ---- Reading replies ---- */

/* One netlink message found in a received buffer. */
struct cipvs_message {
    const void *start;           /* the nlmsghdr */
    size_t length;               /* nlmsg_len, checked against the buffer */
    uint16_t type;
    uint16_t flags;
    uint32_t sequence;
    uint8_t command;             /* generic-netlink command, for the family's own messages */
    int32_t error;               /* positive errno from NLMSG_ERROR / NLMSG_DONE; 0 is an ack */
};

/* Finds the message at `*offset` in `buffer`, fills `out`, advances `*offset` past it.
 * Returns 1 for a message, 0 at the end of the buffer, -NLE_MSG_TRUNC when a header or length
 * does not fit. Exists so that many replies in one datagram can be matched back by sequence. */
int cipvs_next_message(const void *buffer, size_t length, size_t *offset, struct cipvs_message *out);

/* Parse one reply message (as found by cipvs_next_message) into a struct. Unknown attributes are
 * skipped; short, overlong or truncated ones give a negative NLE_* code instead. */
int cipvs_parse_service(const void *message, size_t length, struct cipvs_service *out);
int cipvs_parse_dest(const void *message, size_t length, struct cipvs_dest *out);
int cipvs_parse_daemon(const void *message, size_t length, struct cipvs_daemon *out);
int cipvs_parse_config(const void *message, size_t length, struct cipvs_config *out);
int cipvs_parse_info(const void *message, size_t length, struct cipvs_info *out);

#endif
