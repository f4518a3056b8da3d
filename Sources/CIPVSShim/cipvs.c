/*
 * IPVS generic-netlink marshalling; see cipvs.h for why this exists and its conventions.
 */
#include "cipvs.h"

#include <string.h>

#include <netlink/attr.h>
#include <netlink/errno.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

/* Attribute numbers of the IPVS family (the kernel's uapi ABI, written out here). */
enum {
    ATTR_CMD_SERVICE = 1,
    ATTR_CMD_DEST = 2,
    ATTR_CMD_DAEMON = 3,
    ATTR_CMD_TIMEOUT_TCP = 4,
    ATTR_CMD_TIMEOUT_TCP_FIN = 5,
    ATTR_CMD_TIMEOUT_UDP = 6,
    ATTR_CMD_MAX = 6,
};

enum {
    ATTR_SVC_AF = 1,
    ATTR_SVC_PROTOCOL = 2,
    ATTR_SVC_ADDR = 3,
    ATTR_SVC_PORT = 4,
    ATTR_SVC_FWMARK = 5,
    ATTR_SVC_SCHED_NAME = 6,
    ATTR_SVC_FLAGS = 7,
    ATTR_SVC_TIMEOUT = 8,
    ATTR_SVC_NETMASK = 9,
    ATTR_SVC_STATS = 10,
    ATTR_SVC_PE_NAME = 11,
    ATTR_SVC_STATS64 = 12,
    ATTR_SVC_MAX = 12,
};

enum {
    ATTR_DEST_ADDR = 1,
    ATTR_DEST_PORT = 2,
    ATTR_DEST_FWD_METHOD = 3,
    ATTR_DEST_WEIGHT = 4,
    ATTR_DEST_U_THRESH = 5,
    ATTR_DEST_L_THRESH = 6,
    ATTR_DEST_ACTIVE_CONNS = 7,
    ATTR_DEST_INACT_CONNS = 8,
    ATTR_DEST_PERSIST_CONNS = 9,
    ATTR_DEST_STATS = 10,
    ATTR_DEST_ADDR_FAMILY = 11,
    ATTR_DEST_STATS64 = 12,
    ATTR_DEST_TUN_TYPE = 13,
    ATTR_DEST_TUN_PORT = 14,
    ATTR_DEST_TUN_FLAGS = 15,
    ATTR_DEST_MAX = 15,
};

enum {
    ATTR_DAEMON_STATE = 1,
    ATTR_DAEMON_MCAST_IFN = 2,
    ATTR_DAEMON_SYNC_ID = 3,
    ATTR_DAEMON_SYNC_MAXLEN = 4,
    ATTR_DAEMON_MCAST_GROUP = 5,
    ATTR_DAEMON_MCAST_GROUP6 = 6,
    ATTR_DAEMON_MCAST_PORT = 7,
    ATTR_DAEMON_MCAST_TTL = 8,
    ATTR_DAEMON_MAX = 8,
};

enum {
    ATTR_STATS_CONNS = 1,
    ATTR_STATS_INPKTS = 2,
    ATTR_STATS_OUTPKTS = 3,
    ATTR_STATS_INBYTES = 4,
    ATTR_STATS_OUTBYTES = 5,
    ATTR_STATS_CPS = 6,
    ATTR_STATS_INPPS = 7,
    ATTR_STATS_OUTPPS = 8,
    ATTR_STATS_INBPS = 9,
    ATTR_STATS_OUTBPS = 10,
    ATTR_STATS_PAD = 11,
    ATTR_STATS_MAX = 11,
};

enum {
    ATTR_INFO_VERSION = 1,
    ATTR_INFO_CONN_TAB_SIZE = 2,
    ATTR_INFO_MAX = 2,
};

/* Wire sizes: an address attribute is sizeof(union nf_inet_addr); flags are {flags, mask}. */
enum { ADDR_WIRE_LEN = 16, FLAGS_WIRE_LEN = 8, GENL_HEADER_LEN = 4 };

/* ---- Building ---- */

int cipvs_put_header(struct nl_msg *msg, int family, uint8_t command, int nlm_flags)
{
    if (!msg)
        return -NLE_INVAL;
    if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, nlm_flags, command, CIPVS_GENL_VERSION))
        return -NLE_NOMEM;
    return 0;
}

/* NLA_PUT-style helpers that turn libnl's errors into our return convention. */
#define PUT_OR_FAIL(expr)             \
    do {                              \
        int put_error_ = (expr);      \
        if (put_error_ < 0)           \
            return put_error_;        \
    } while (0)

/* A NUL-terminated copy of a fixed-size name field, even if the caller filled it completely. */
static int put_name(struct nl_msg *msg, int attr, const char *name, size_t capacity)
{
    char copy[CIPVS_NAME_CAPACITY + 1];
    size_t length = strnlen(name, capacity);
    if (length >= sizeof(copy))
        return -NLE_RANGE;
    memcpy(copy, name, length);
    copy[length] = '\0';
    return nla_put_string(msg, attr, copy);
}

int cipvs_put_service(struct nl_msg *msg, const struct cipvs_service *s)
{
    if (!msg || !s)
        return -NLE_INVAL;
    struct nlattr *nest = nla_nest_start(msg, ATTR_CMD_SERVICE);
    if (!nest)
        return -NLE_NOMEM;
    uint32_t f = s->fields;
    if (f & CIPVS_SVC_AF)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_SVC_AF, s->af));
    if (f & CIPVS_SVC_PROTOCOL)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_SVC_PROTOCOL, s->protocol));
    if (f & CIPVS_SVC_ADDR)
        PUT_OR_FAIL(nla_put(msg, ATTR_SVC_ADDR, ADDR_WIRE_LEN, s->addr));
    if (f & CIPVS_SVC_PORT)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_SVC_PORT, s->port_be));
    if (f & CIPVS_SVC_FWMARK)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_SVC_FWMARK, s->fwmark));
    if (f & CIPVS_SVC_SCHED_NAME)
        PUT_OR_FAIL(put_name(msg, ATTR_SVC_SCHED_NAME, s->sched_name, sizeof(s->sched_name)));
    if (f & CIPVS_SVC_FLAGS) {
        uint32_t wire[2] = { s->flags, s->flags_mask };
        PUT_OR_FAIL(nla_put(msg, ATTR_SVC_FLAGS, FLAGS_WIRE_LEN, wire));
    }
    if (f & CIPVS_SVC_TIMEOUT)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_SVC_TIMEOUT, s->timeout));
    if (f & CIPVS_SVC_NETMASK)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_SVC_NETMASK, s->netmask_be));
    if (f & CIPVS_SVC_PE_NAME)
        PUT_OR_FAIL(put_name(msg, ATTR_SVC_PE_NAME, s->pe_name, sizeof(s->pe_name)));
    return nla_nest_end(msg, nest);
}

int cipvs_put_dest(struct nl_msg *msg, const struct cipvs_dest *d)
{
    if (!msg || !d)
        return -NLE_INVAL;
    struct nlattr *nest = nla_nest_start(msg, ATTR_CMD_DEST);
    if (!nest)
        return -NLE_NOMEM;
    uint32_t f = d->fields;
    if (f & CIPVS_DEST_ADDR)
        PUT_OR_FAIL(nla_put(msg, ATTR_DEST_ADDR, ADDR_WIRE_LEN, d->addr));
    if (f & CIPVS_DEST_PORT)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_DEST_PORT, d->port_be));
    if (f & CIPVS_DEST_FWD_METHOD)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_DEST_FWD_METHOD, d->fwd_method));
    if (f & CIPVS_DEST_WEIGHT)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_DEST_WEIGHT, (uint32_t)d->weight));
    if (f & CIPVS_DEST_U_THRESH)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_DEST_U_THRESH, d->u_threshold));
    if (f & CIPVS_DEST_L_THRESH)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_DEST_L_THRESH, d->l_threshold));
    if (f & CIPVS_DEST_ADDR_FAMILY)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_DEST_ADDR_FAMILY, d->addr_family));
    if (f & CIPVS_DEST_TUN_TYPE)
        PUT_OR_FAIL(nla_put_u8(msg, ATTR_DEST_TUN_TYPE, d->tun_type));
    if (f & CIPVS_DEST_TUN_PORT)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_DEST_TUN_PORT, d->tun_port_be));
    if (f & CIPVS_DEST_TUN_FLAGS)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_DEST_TUN_FLAGS, d->tun_flags));
    return nla_nest_end(msg, nest);
}

int cipvs_put_daemon(struct nl_msg *msg, const struct cipvs_daemon *d)
{
    if (!msg || !d)
        return -NLE_INVAL;
    struct nlattr *nest = nla_nest_start(msg, ATTR_CMD_DAEMON);
    if (!nest)
        return -NLE_NOMEM;
    uint32_t f = d->fields;
    if (f & CIPVS_DAEMON_STATE)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_DAEMON_STATE, d->state));
    if (f & CIPVS_DAEMON_MCAST_IFN)
        PUT_OR_FAIL(put_name(msg, ATTR_DAEMON_MCAST_IFN, d->mcast_ifn, sizeof(d->mcast_ifn)));
    if (f & CIPVS_DAEMON_SYNC_ID)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_DAEMON_SYNC_ID, d->sync_id));
    if (f & CIPVS_DAEMON_SYNC_MAXLEN)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_DAEMON_SYNC_MAXLEN, d->sync_maxlen));
    if (f & CIPVS_DAEMON_MCAST_GROUP)
        PUT_OR_FAIL(nla_put(msg, ATTR_DAEMON_MCAST_GROUP, 4, d->mcast_group));
    if (f & CIPVS_DAEMON_MCAST_GROUP6)
        PUT_OR_FAIL(nla_put(msg, ATTR_DAEMON_MCAST_GROUP6, 16, d->mcast_group6));
    if (f & CIPVS_DAEMON_MCAST_PORT)
        PUT_OR_FAIL(nla_put_u16(msg, ATTR_DAEMON_MCAST_PORT, d->mcast_port));
    if (f & CIPVS_DAEMON_MCAST_TTL)
        PUT_OR_FAIL(nla_put_u8(msg, ATTR_DAEMON_MCAST_TTL, d->mcast_ttl));
    return nla_nest_end(msg, nest);
}

int cipvs_put_config(struct nl_msg *msg, const struct cipvs_config *c)
{
    if (!msg || !c)
        return -NLE_INVAL;
    if (c->fields & CIPVS_CONFIG_TCP)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_CMD_TIMEOUT_TCP, c->tcp));
    if (c->fields & CIPVS_CONFIG_TCP_FIN)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_CMD_TIMEOUT_TCP_FIN, c->tcp_fin));
    if (c->fields & CIPVS_CONFIG_UDP)
        PUT_OR_FAIL(nla_put_u32(msg, ATTR_CMD_TIMEOUT_UDP, c->udp));
    return 0;
}

const void *cipvs_message_bytes(struct nl_msg *msg, size_t *length)
{
    if (!msg || !length)
        return NULL;
    struct nlmsghdr *header = nlmsg_hdr(msg);
    *length = header->nlmsg_len;
    return header;
}

uint32_t cipvs_message_sequence(struct nl_msg *msg)
{
    return msg ? nlmsg_hdr(msg)->nlmsg_seq : 0;
}

/* ---- Reading ---- */

int cipvs_next_message(const void *buffer, size_t length, size_t *offset, struct cipvs_message *out)
{
    if (!buffer || !offset || !out)
        return -NLE_INVAL;
    if (*offset >= length)
        return 0;
    size_t remaining = length - *offset;
    const uint8_t *start = (const uint8_t *)buffer + *offset;
    struct nlmsghdr header;
    if (remaining < sizeof(header))
        return -NLE_MSG_TRUNC;
    memcpy(&header, start, sizeof(header));
    if (header.nlmsg_len < sizeof(header) || header.nlmsg_len > remaining)
        return -NLE_MSG_TRUNC;

    memset(out, 0, sizeof(*out));
    out->start = start;
    out->length = header.nlmsg_len;
    out->type = header.nlmsg_type;
    out->flags = header.nlmsg_flags;
    out->sequence = header.nlmsg_seq;
    size_t payload = header.nlmsg_len - NLMSG_HDRLEN;
    if (header.nlmsg_type == NLMSG_ERROR) {
        int32_t error;
        if (payload < sizeof(error))
            return -NLE_MSG_TRUNC;
        memcpy(&error, start + NLMSG_HDRLEN, sizeof(error));
        out->error = -error;
    } else if (header.nlmsg_type == NLMSG_DONE) {
        /* A dump that failed part-way reports its errno in DONE's payload. */
        int32_t error = 0;
        if (payload >= sizeof(error))
            memcpy(&error, start + NLMSG_HDRLEN, sizeof(error));
        out->error = -error;
    } else if (header.nlmsg_type >= NLMSG_MIN_TYPE) {
        if (payload < GENL_HEADER_LEN)
            return -NLE_MSG_TRUNC;
        out->command = start[NLMSG_HDRLEN];
    }
    size_t advance = NLMSG_ALIGN(header.nlmsg_len);
    *offset += advance < remaining ? advance : remaining;
    return 1;
}

/*
 * nla_parse only logs bytes it could not walk (a truncated last attribute); reject them here so
 * that a damaged reply is an error rather than a silently shorter object.
 */
static int parse_attributes(struct nlattr **table, int max, const void *head, int length,
                            const struct nla_policy *policy)
{
    if (length < 0)
        return -NLE_MSG_TRUNC;
    int remaining = length;
    const struct nlattr *attribute = head;
    while (nla_ok(attribute, remaining))
        attribute = nla_next(attribute, &remaining);
    if (remaining > 0 || remaining <= -NLA_ALIGNTO)
        return -NLE_MSG_TRUNC;
    return nla_parse(table, max, (struct nlattr *)head, length, policy);
}

/* Checks the netlink and generic-netlink headers and parses the top-level attributes. */
static int parse_top(const void *message, size_t length, struct nlattr **table, int max,
                     const struct nla_policy *policy)
{
    struct nlmsghdr header;
    if (!message || length < NLMSG_HDRLEN + GENL_HEADER_LEN)
        return -NLE_MSG_TOOSHORT;
    memcpy(&header, message, sizeof(header));
    if (header.nlmsg_len > length || header.nlmsg_len < NLMSG_HDRLEN + GENL_HEADER_LEN)
        return -NLE_MSG_TRUNC;
    const uint8_t *attributes = (const uint8_t *)message + NLMSG_HDRLEN + GENL_HEADER_LEN;
    int attributes_length = (int)(header.nlmsg_len - NLMSG_HDRLEN - GENL_HEADER_LEN);
    return parse_attributes(table, max, attributes, attributes_length, policy);
}

static int parse_nested(struct nlattr **table, int max, struct nlattr *nest,
                        const struct nla_policy *policy)
{
    return parse_attributes(table, max, nla_data(nest), nla_len(nest), policy);
}

/* An integer attribute of any width up to 8 bytes (the legacy stats mix u32 and u64). */
static uint64_t get_unsigned(const struct nlattr *attribute)
{
    int length = nla_len(attribute);
    const void *data = nla_data(attribute);
    if (length >= 8) {
        uint64_t value;
        memcpy(&value, data, sizeof(value));
        return value;
    }
    if (length >= 4) {
        uint32_t value;
        memcpy(&value, data, sizeof(value));
        return value;
    }
    if (length >= 2) {
        uint16_t value;
        memcpy(&value, data, sizeof(value));
        return value;
    }
    return length >= 1 ? *(const uint8_t *)data : 0;
}

static void copy_name(char *destination, size_t capacity, const struct nlattr *attribute)
{
    size_t length = strnlen(nla_data(attribute), (size_t)nla_len(attribute));
    if (length >= capacity)
        length = capacity - 1;
    memcpy(destination, nla_data(attribute), length);
    destination[length] = '\0';
}

static void copy_address(uint8_t destination[16], const struct nlattr *attribute)
{
    size_t length = (size_t)nla_len(attribute);
    memset(destination, 0, 16);
    memcpy(destination, nla_data(attribute), length < 16 ? length : 16);
}

static struct nla_policy stats_policy[ATTR_STATS_MAX + 1] = {
    [ATTR_STATS_CONNS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_INPKTS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_OUTPKTS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_INBYTES] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_OUTBYTES] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_CPS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_INPPS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_OUTPPS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_INBPS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
    [ATTR_STATS_OUTBPS] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 8 },
};

static int parse_stats(struct nlattr *nest, struct cipvs_stats *out)
{
    struct nlattr *tb[ATTR_STATS_MAX + 1];
    int error = parse_nested(tb, ATTR_STATS_MAX, nest, stats_policy);
    if (error < 0)
        return error;
    uint64_t *fields[] = { &out->conns, &out->inpkts, &out->outpkts, &out->inbytes, &out->outbytes,
                           &out->cps, &out->inpps, &out->outpps, &out->inbps, &out->outbps };
    for (int attr = ATTR_STATS_CONNS; attr <= ATTR_STATS_OUTBPS; attr++)
        if (tb[attr])
            *fields[attr - ATTR_STATS_CONNS] = get_unsigned(tb[attr]);
    return 0;
}

static struct nla_policy command_policy[ATTR_CMD_MAX + 1] = {
    [ATTR_CMD_SERVICE] = { .type = NLA_NESTED },
    [ATTR_CMD_DEST] = { .type = NLA_NESTED },
    [ATTR_CMD_DAEMON] = { .type = NLA_NESTED },
    [ATTR_CMD_TIMEOUT_TCP] = { .type = NLA_U32 },
    [ATTR_CMD_TIMEOUT_TCP_FIN] = { .type = NLA_U32 },
    [ATTR_CMD_TIMEOUT_UDP] = { .type = NLA_U32 },
};

static struct nla_policy service_policy[ATTR_SVC_MAX + 1] = {
    [ATTR_SVC_AF] = { .type = NLA_U16 },
    [ATTR_SVC_PROTOCOL] = { .type = NLA_U16 },
    [ATTR_SVC_ADDR] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = ADDR_WIRE_LEN },
    [ATTR_SVC_PORT] = { .type = NLA_U16 },
    [ATTR_SVC_FWMARK] = { .type = NLA_U32 },
    [ATTR_SVC_SCHED_NAME] = { .type = NLA_STRING, .maxlen = CIPVS_SCHED_NAME_MAX + 1 },
    [ATTR_SVC_FLAGS] = { .type = NLA_UNSPEC, .minlen = FLAGS_WIRE_LEN, .maxlen = FLAGS_WIRE_LEN },
    [ATTR_SVC_TIMEOUT] = { .type = NLA_U32 },
    [ATTR_SVC_NETMASK] = { .type = NLA_U32 },
    [ATTR_SVC_STATS] = { .type = NLA_NESTED },
    [ATTR_SVC_PE_NAME] = { .type = NLA_STRING, .maxlen = CIPVS_PE_NAME_MAX + 1 },
    [ATTR_SVC_STATS64] = { .type = NLA_NESTED },
};

int cipvs_parse_service(const void *message, size_t length, struct cipvs_service *out)
{
    struct nlattr *top[ATTR_CMD_MAX + 1];
    struct nlattr *tb[ATTR_SVC_MAX + 1];
    if (!out)
        return -NLE_INVAL;
    memset(out, 0, sizeof(*out));
    int error = parse_top(message, length, top, ATTR_CMD_MAX, command_policy);
    if (error < 0)
        return error;
    if (!top[ATTR_CMD_SERVICE])
        return -NLE_MISSING_ATTR;
    error = parse_nested(tb, ATTR_SVC_MAX, top[ATTR_CMD_SERVICE], service_policy);
    if (error < 0)
        return error;

    if (tb[ATTR_SVC_AF]) {
        out->af = nla_get_u16(tb[ATTR_SVC_AF]);
        out->fields |= CIPVS_SVC_AF;
    }
    if (tb[ATTR_SVC_PROTOCOL]) {
        out->protocol = nla_get_u16(tb[ATTR_SVC_PROTOCOL]);
        out->fields |= CIPVS_SVC_PROTOCOL;
    }
    if (tb[ATTR_SVC_ADDR]) {
        copy_address(out->addr, tb[ATTR_SVC_ADDR]);
        out->fields |= CIPVS_SVC_ADDR;
    }
    if (tb[ATTR_SVC_PORT]) {
        out->port_be = nla_get_u16(tb[ATTR_SVC_PORT]);
        out->fields |= CIPVS_SVC_PORT;
    }
    if (tb[ATTR_SVC_FWMARK]) {
        out->fwmark = nla_get_u32(tb[ATTR_SVC_FWMARK]);
        out->fields |= CIPVS_SVC_FWMARK;
    }
    if (tb[ATTR_SVC_SCHED_NAME]) {
        copy_name(out->sched_name, sizeof(out->sched_name), tb[ATTR_SVC_SCHED_NAME]);
        out->fields |= CIPVS_SVC_SCHED_NAME;
    }
    if (tb[ATTR_SVC_FLAGS]) {
        uint32_t wire[2];
        memcpy(wire, nla_data(tb[ATTR_SVC_FLAGS]), sizeof(wire));
        out->flags = wire[0];
        out->flags_mask = wire[1];
        out->fields |= CIPVS_SVC_FLAGS;
    }
    if (tb[ATTR_SVC_TIMEOUT]) {
        out->timeout = nla_get_u32(tb[ATTR_SVC_TIMEOUT]);
        out->fields |= CIPVS_SVC_TIMEOUT;
    }
    if (tb[ATTR_SVC_NETMASK]) {
        out->netmask_be = nla_get_u32(tb[ATTR_SVC_NETMASK]);
        out->fields |= CIPVS_SVC_NETMASK;
    }
    if (tb[ATTR_SVC_PE_NAME]) {
        copy_name(out->pe_name, sizeof(out->pe_name), tb[ATTR_SVC_PE_NAME]);
        out->fields |= CIPVS_SVC_PE_NAME;
    }
    if (tb[ATTR_SVC_STATS]) {
        if ((error = parse_stats(tb[ATTR_SVC_STATS], &out->stats)) < 0)
            return error;
        out->fields |= CIPVS_SVC_STATS;
    }
    if (tb[ATTR_SVC_STATS64]) {
        if ((error = parse_stats(tb[ATTR_SVC_STATS64], &out->stats64)) < 0)
            return error;
        out->fields |= CIPVS_SVC_STATS64;
    }
    return 0;
}

static struct nla_policy dest_policy[ATTR_DEST_MAX + 1] = {
    [ATTR_DEST_ADDR] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = ADDR_WIRE_LEN },
    [ATTR_DEST_PORT] = { .type = NLA_U16 },
    [ATTR_DEST_FWD_METHOD] = { .type = NLA_U32 },
    [ATTR_DEST_WEIGHT] = { .type = NLA_U32 },
    [ATTR_DEST_U_THRESH] = { .type = NLA_U32 },
    [ATTR_DEST_L_THRESH] = { .type = NLA_U32 },
    [ATTR_DEST_ACTIVE_CONNS] = { .type = NLA_U32 },
    [ATTR_DEST_INACT_CONNS] = { .type = NLA_U32 },
    [ATTR_DEST_PERSIST_CONNS] = { .type = NLA_U32 },
    [ATTR_DEST_STATS] = { .type = NLA_NESTED },
    [ATTR_DEST_ADDR_FAMILY] = { .type = NLA_U16 },
    [ATTR_DEST_STATS64] = { .type = NLA_NESTED },
    [ATTR_DEST_TUN_TYPE] = { .type = NLA_U8 },
    [ATTR_DEST_TUN_PORT] = { .type = NLA_U16 },
    [ATTR_DEST_TUN_FLAGS] = { .type = NLA_U16 },
};

int cipvs_parse_dest(const void *message, size_t length, struct cipvs_dest *out)
{
    struct nlattr *top[ATTR_CMD_MAX + 1];
    struct nlattr *tb[ATTR_DEST_MAX + 1];
    if (!out)
        return -NLE_INVAL;
    memset(out, 0, sizeof(*out));
    int error = parse_top(message, length, top, ATTR_CMD_MAX, command_policy);
    if (error < 0)
        return error;
    if (!top[ATTR_CMD_DEST])
        return -NLE_MISSING_ATTR;
    error = parse_nested(tb, ATTR_DEST_MAX, top[ATTR_CMD_DEST], dest_policy);
    if (error < 0)
        return error;

    if (tb[ATTR_DEST_ADDR]) {
        copy_address(out->addr, tb[ATTR_DEST_ADDR]);
        out->fields |= CIPVS_DEST_ADDR;
    }
    if (tb[ATTR_DEST_PORT]) {
        out->port_be = nla_get_u16(tb[ATTR_DEST_PORT]);
        out->fields |= CIPVS_DEST_PORT;
    }
    struct {
        int attr;
        uint32_t field;
        uint32_t *value;
    } words[] = {
        { ATTR_DEST_FWD_METHOD, CIPVS_DEST_FWD_METHOD, &out->fwd_method },
        { ATTR_DEST_WEIGHT, CIPVS_DEST_WEIGHT, (uint32_t *)&out->weight },
        { ATTR_DEST_U_THRESH, CIPVS_DEST_U_THRESH, &out->u_threshold },
        { ATTR_DEST_L_THRESH, CIPVS_DEST_L_THRESH, &out->l_threshold },
        { ATTR_DEST_ACTIVE_CONNS, CIPVS_DEST_ACTIVE_CONNS, &out->active_conns },
        { ATTR_DEST_INACT_CONNS, CIPVS_DEST_INACT_CONNS, &out->inact_conns },
        { ATTR_DEST_PERSIST_CONNS, CIPVS_DEST_PERSIST_CONNS, &out->persist_conns },
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        if (tb[words[i].attr]) {
            *words[i].value = nla_get_u32(tb[words[i].attr]);
            out->fields |= words[i].field;
        }
    }
    if (tb[ATTR_DEST_ADDR_FAMILY]) {
        out->addr_family = nla_get_u16(tb[ATTR_DEST_ADDR_FAMILY]);
        out->fields |= CIPVS_DEST_ADDR_FAMILY;
    }
    if (tb[ATTR_DEST_TUN_TYPE]) {
        out->tun_type = nla_get_u8(tb[ATTR_DEST_TUN_TYPE]);
        out->fields |= CIPVS_DEST_TUN_TYPE;
    }
    if (tb[ATTR_DEST_TUN_PORT]) {
        out->tun_port_be = nla_get_u16(tb[ATTR_DEST_TUN_PORT]);
        out->fields |= CIPVS_DEST_TUN_PORT;
    }
    if (tb[ATTR_DEST_TUN_FLAGS]) {
        out->tun_flags = nla_get_u16(tb[ATTR_DEST_TUN_FLAGS]);
        out->fields |= CIPVS_DEST_TUN_FLAGS;
    }
    if (tb[ATTR_DEST_STATS]) {
        if ((error = parse_stats(tb[ATTR_DEST_STATS], &out->stats)) < 0)
            return error;
        out->fields |= CIPVS_DEST_STATS;
    }
    if (tb[ATTR_DEST_STATS64]) {
        if ((error = parse_stats(tb[ATTR_DEST_STATS64], &out->stats64)) < 0)
            return error;
        out->fields |= CIPVS_DEST_STATS64;
    }
    return 0;
}

static struct nla_policy daemon_policy[ATTR_DAEMON_MAX + 1] = {
    [ATTR_DAEMON_STATE] = { .type = NLA_U32 },
    [ATTR_DAEMON_MCAST_IFN] = { .type = NLA_STRING, .maxlen = CIPVS_IFNAME_MAX + 1 },
    [ATTR_DAEMON_SYNC_ID] = { .type = NLA_U32 },
    [ATTR_DAEMON_SYNC_MAXLEN] = { .type = NLA_U16 },
    [ATTR_DAEMON_MCAST_GROUP] = { .type = NLA_UNSPEC, .minlen = 4, .maxlen = 4 },
    [ATTR_DAEMON_MCAST_GROUP6] = { .type = NLA_UNSPEC, .minlen = 16, .maxlen = 16 },
    [ATTR_DAEMON_MCAST_PORT] = { .type = NLA_U16 },
    [ATTR_DAEMON_MCAST_TTL] = { .type = NLA_U8 },
};

int cipvs_parse_daemon(const void *message, size_t length, struct cipvs_daemon *out)
{
    struct nlattr *top[ATTR_CMD_MAX + 1];
    struct nlattr *tb[ATTR_DAEMON_MAX + 1];
    if (!out)
        return -NLE_INVAL;
    memset(out, 0, sizeof(*out));
    int error = parse_top(message, length, top, ATTR_CMD_MAX, command_policy);
    if (error < 0)
        return error;
    if (!top[ATTR_CMD_DAEMON])
        return -NLE_MISSING_ATTR;
    error = parse_nested(tb, ATTR_DAEMON_MAX, top[ATTR_CMD_DAEMON], daemon_policy);
    if (error < 0)
        return error;

    if (tb[ATTR_DAEMON_STATE]) {
        out->state = nla_get_u32(tb[ATTR_DAEMON_STATE]);
        out->fields |= CIPVS_DAEMON_STATE;
    }
    if (tb[ATTR_DAEMON_MCAST_IFN]) {
        copy_name(out->mcast_ifn, sizeof(out->mcast_ifn), tb[ATTR_DAEMON_MCAST_IFN]);
        out->fields |= CIPVS_DAEMON_MCAST_IFN;
    }
    if (tb[ATTR_DAEMON_SYNC_ID]) {
        out->sync_id = nla_get_u32(tb[ATTR_DAEMON_SYNC_ID]);
        out->fields |= CIPVS_DAEMON_SYNC_ID;
    }
    if (tb[ATTR_DAEMON_SYNC_MAXLEN]) {
        out->sync_maxlen = nla_get_u16(tb[ATTR_DAEMON_SYNC_MAXLEN]);
        out->fields |= CIPVS_DAEMON_SYNC_MAXLEN;
    }
    if (tb[ATTR_DAEMON_MCAST_GROUP]) {
        memcpy(out->mcast_group, nla_data(tb[ATTR_DAEMON_MCAST_GROUP]), 4);
        out->fields |= CIPVS_DAEMON_MCAST_GROUP;
    }
    if (tb[ATTR_DAEMON_MCAST_GROUP6]) {
        memcpy(out->mcast_group6, nla_data(tb[ATTR_DAEMON_MCAST_GROUP6]), 16);
        out->fields |= CIPVS_DAEMON_MCAST_GROUP6;
    }
    if (tb[ATTR_DAEMON_MCAST_PORT]) {
        out->mcast_port = nla_get_u16(tb[ATTR_DAEMON_MCAST_PORT]);
        out->fields |= CIPVS_DAEMON_MCAST_PORT;
    }
    if (tb[ATTR_DAEMON_MCAST_TTL]) {
        out->mcast_ttl = nla_get_u8(tb[ATTR_DAEMON_MCAST_TTL]);
        out->fields |= CIPVS_DAEMON_MCAST_TTL;
    }
    return 0;
}

int cipvs_parse_config(const void *message, size_t length, struct cipvs_config *out)
{
    struct nlattr *top[ATTR_CMD_MAX + 1];
    if (!out)
        return -NLE_INVAL;
    memset(out, 0, sizeof(*out));
    int error = parse_top(message, length, top, ATTR_CMD_MAX, command_policy);
    if (error < 0)
        return error;
    if (top[ATTR_CMD_TIMEOUT_TCP]) {
        out->tcp = nla_get_u32(top[ATTR_CMD_TIMEOUT_TCP]);
        out->fields |= CIPVS_CONFIG_TCP;
    }
    if (top[ATTR_CMD_TIMEOUT_TCP_FIN]) {
        out->tcp_fin = nla_get_u32(top[ATTR_CMD_TIMEOUT_TCP_FIN]);
        out->fields |= CIPVS_CONFIG_TCP_FIN;
    }
    if (top[ATTR_CMD_TIMEOUT_UDP]) {
        out->udp = nla_get_u32(top[ATTR_CMD_TIMEOUT_UDP]);
        out->fields |= CIPVS_CONFIG_UDP;
    }
    return 0;
}

static struct nla_policy info_policy[ATTR_INFO_MAX + 1] = {
    [ATTR_INFO_VERSION] = { .type = NLA_U32 },
    [ATTR_INFO_CONN_TAB_SIZE] = { .type = NLA_U32 },
};

int cipvs_parse_info(const void *message, size_t length, struct cipvs_info *out)
{
    struct nlattr *top[ATTR_INFO_MAX + 1];
    if (!out)
        return -NLE_INVAL;
    memset(out, 0, sizeof(*out));
    int error = parse_top(message, length, top, ATTR_INFO_MAX, info_policy);
    if (error < 0)
        return error;
    if (top[ATTR_INFO_VERSION]) {
        out->version = nla_get_u32(top[ATTR_INFO_VERSION]);
        out->fields |= CIPVS_INFO_VERSION;
    }
    if (top[ATTR_INFO_CONN_TAB_SIZE]) {
        out->conn_tab_size = nla_get_u32(top[ATTR_INFO_CONN_TAB_SIZE]);
        out->fields |= CIPVS_INFO_CONN_TAB_SIZE;
    }
    return 0;
}
