#!/usr/bin/env python3
"""Netlink seeds for fuzz-netlink: replies laid out as the kernel sends them (little-endian host),
one of each kind the client reads, plus acks and an error, each file one datagram.
   Scripts/fuzz-seeds.py DIR"""
import os
import struct
import sys

def attr(kind, payload):
    data = struct.pack("<HH", 4 + len(payload), kind) + payload
    return data + b"\0" * (-len(data) % 4)

def message(attributes, kind=0x20, command=1, flags=0, seq=7):
    return struct.pack("<IHHII", 16 + 4 + len(attributes), kind, flags, seq, 0) + bytes([command, 1, 0, 0]) + attributes

def ack(seq, error):
    inner = struct.pack("<IHHII", 16, 0x20, 0, seq, 0)
    return struct.pack("<IHHIIi", 36, 2, 0, seq, 0, error) + inner

def stats(sixty_four):
    pack = (lambda v: struct.pack("<Q", v)) if sixty_four else (lambda v: struct.pack("<I", v))
    return b"".join(attr(k, pack(k * 3)) for k in range(1, 11))

v4 = bytes([192, 0, 2, 1]) + bytes(12)
v6 = bytes([0x20, 0x01, 0x0d, 0xb8]) + bytes(11) + b"\x02"
service = attr(1, attr(1, struct.pack("<H", 2)) + attr(2, struct.pack("<H", 6)) + attr(3, v4)
               + attr(4, struct.pack(">H", 80)) + attr(6, b"wlc\0") + attr(7, struct.pack("<II", 3, 0xFFFFFFFF))
               + attr(8, struct.pack("<I", 300)) + attr(9, bytes([255, 255, 255, 0])) + attr(11, b"sip\0")
               + attr(10, stats(False)) + attr(12, stats(True)))
fwmark = attr(1, attr(1, struct.pack("<H", 10)) + attr(5, struct.pack("<I", 1)) + attr(6, b"rr\0")
              + attr(7, struct.pack("<II", 0, 0xFFFFFFFF)) + attr(9, struct.pack("<I", 128)))
dest = attr(2, attr(1, v6) + attr(2, struct.pack(">H", 8080)) + attr(3, struct.pack("<I", 2))
            + attr(4, struct.pack("<i", 5)) + attr(5, struct.pack("<I", 10)) + attr(6, struct.pack("<I", 2))
            + attr(7, struct.pack("<I", 1)) + attr(8, struct.pack("<I", 4)) + attr(9, struct.pack("<I", 0))
            + attr(11, struct.pack("<H", 10)) + attr(13, bytes([1])) + attr(14, struct.pack(">H", 6081))
            + attr(15, struct.pack("<H", 1)) + attr(12, stats(True)))
daemon = attr(3, attr(1, struct.pack("<I", 1)) + attr(2, b"eth0\0") + attr(3, struct.pack("<I", 9))
              + attr(4, struct.pack("<H", 1472)) + attr(5, bytes([224, 0, 0, 81]))
              + attr(7, struct.pack("<H", 8848)) + attr(8, bytes([1])))
daemon6 = attr(3, attr(1, struct.pack("<I", 2)) + attr(2, b"lo\0") + attr(6, v6))
config = attr(4, struct.pack("<I", 900)) + attr(5, struct.pack("<I", 120)) + attr(6, struct.pack("<I", 300))
info = attr(1, struct.pack("<I", 0x010201)) + attr(2, struct.pack("<I", 4096))

seeds = {
    "service": message(service, command=1, flags=2),
    "service-fwmark": message(fwmark, command=1, flags=2),
    "dest": message(dest, command=5, flags=2),
    "daemon": message(daemon, command=9, flags=2),
    "daemon6": message(daemon6, command=9, flags=2),
    "config": message(config, command=13),
    "info": message(info, command=15),
    "ack": ack(7, 0),
    "refusal": ack(7, -17),
    "dump": message(service, flags=2) + message(fwmark, flags=0x12) + struct.pack("<IHHIIi", 20, 3, 2, 7, 0, 0),
    "acks": b"".join(ack(s, -e) for s, e in [(1, 0), (2, 3), (3, 17), (4, 0)]),
}
os.makedirs(sys.argv[1], exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(sys.argv[1], name), "wb") as f:
        f.write(data)
