#!/usr/bin/env python3
"""The demos' HTTP ends: a real server that answers with its name, and clients.

  demo-http.py serve NAME PORT               answer every GET with "NAME\n" (HTTP/1.1, keep-alive)
  demo-http.py load VIP PORT COUNT BASEPORT  COUNT sequential new connections, from source ports
                                             BASEPORT.., one GET each; prints "NAME COUNT" lines,
                                             then "failed N"
  demo-http.py hold VIP PORT SRCPORT OUT GO  one long-lived connection: a GET, "before NAME" to OUT,
                                             then when the file GO exists another GET on the same
                                             connection, "after NAME" (or "after failed: ...") to OUT
Every new connection comes from its own source port, so the director schedules each afresh.
"""
import os
import socket
import sys
import time


def serve(name, port):
    # Imported here: the clients do without it, and it is slow to import under the VM's emulation.
    import http.server

    body = (name + "\n").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        allow_reuse_address = True
        daemon_threads = True

    Server(("0.0.0.0", port), Handler).serve_forever()


def get(sock, close):
    """Sends one GET on sock and returns the body's first word."""
    header = "Connection: close\r\n" if close else ""
    sock.sendall(("GET / HTTP/1.1\r\nHost: demo\r\n" + header + "\r\n").encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise OSError("connection closed before the reply")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(4096)
        if not chunk:
            raise OSError("connection closed inside the reply")
        rest += chunk
    return rest[:length].decode().split()[0]


def connect(vip, port, source_port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.settimeout(5)
    sock.bind(("0.0.0.0", source_port))
    sock.connect((vip, port))
    return sock


def load(vip, port, count, base):
    counts = {}
    failed = 0
    in_a_row = 0
    for i in range(count):
        try:
            with connect(vip, port, base + i) as sock:
                name = get(sock, close=True)
            counts[name] = counts.get(name, 0) + 1
            in_a_row = 0
        except OSError as error:
            failed += 1
            in_a_row += 1
            print("request %d failed: %s" % (i + 1, error), file=sys.stderr)
            if in_a_row == 3:
                failed += count - i - 1
                print("three failures in a row: giving up", file=sys.stderr)
                break
    for name in sorted(counts):
        print(name, counts[name])
    print("failed", failed)


def hold(vip, port, source_port, out, go):
    def report(line):
        with open(out, "a") as f:
            f.write(line + "\n")

    try:
        sock = connect(vip, port, source_port)
        report("before " + get(sock, close=False))
    except OSError as error:
        report("before failed: %s" % error)
        return
    while not os.path.exists(go):
        time.sleep(0.1)
    try:
        report("after " + get(sock, close=False))
    except OSError as error:
        report("after failed: %s" % error)
    sock.close()


def main(argv):
    if len(argv) == 4 and argv[1] == "serve":
        serve(argv[2], int(argv[3]))
    elif len(argv) == 6 and argv[1] == "load":
        load(argv[2], int(argv[3]), int(argv[4]), int(argv[5]))
    elif len(argv) == 7 and argv[1] == "hold":
        hold(argv[2], int(argv[3]), int(argv[4]), argv[5], argv[6])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
