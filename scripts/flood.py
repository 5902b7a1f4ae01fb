#!/usr/bin/env python3
"""Floods a running Paperboy's sign-up or sign-in form and watches the rest of the site.

    python3 scripts/flood.py PORT /signup|/signin SECONDS CLIENTS [EMAIL]

Start the server with `--port PORT` (the script finds it by that). CLIENTS threads post the
form with EMAIL (default victim@example.org, an account you made with
`./paperboy user create`) as fast as they can for SECONDS. Meanwhile `GET /` is timed every half
second and the server's resident memory is read from /proc. Prints the statuses the flood got,
the latency of `GET /` and the peak RSS. Loopback only; the numbers are what README's table shows.
"""
import collections
import http.client
import subprocess
import sys
import threading
import time
import urllib.parse


def csrf_token(port):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", "/")
    r = c.getresponse()
    r.read()
    for name, value in r.getheaders():
        if name.lower() == "set-cookie" and value.startswith("pb_csrf="):
            return value.split(";")[0].split("=", 1)[1]
    raise SystemExit("no pb_csrf cookie from GET /")


def main():
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    port, path = int(sys.argv[1]), sys.argv[2]
    seconds, clients = float(sys.argv[3]), int(sys.argv[4])
    email = sys.argv[5] if len(sys.argv) > 5 else "victim@example.org"
    token = csrf_token(port)
    form = {"_csrf": token, "email": email, "password": "some guess password"}
    if path == "/signup":
        form["name"] = "X"
    body = urllib.parse.urlencode(form).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "pb_csrf=" + token}
    statuses = collections.Counter()
    lock = threading.Lock()
    stop = time.time() + seconds

    def post_until_stopped():
        while time.time() < stop:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                c.request("POST", path, body, headers)
                status = c.getresponse().status
                c.close()
            except OSError:
                status = "error"
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=post_until_stopped) for _ in range(clients)]
    for t in threads:
        t.start()
    pid = subprocess.run(
        ["pgrep", "-f", "port %d" % port], capture_output=True, text=True
    ).stdout.split()[-1]
    latencies, rss = [], []
    while time.time() < stop:
        started = time.time()
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/")
        c.getresponse().read()
        latencies.append((time.time() - started) * 1000)
        status = open("/proc/%s/status" % pid).read()
        rss.append(int(status.split("VmRSS:")[1].split()[0]) // 1024)
        time.sleep(0.5)
    for t in threads:
        t.join()
    latencies.sort()
    print(
        "%s on port %d: statuses %s; GET / p50 %.0f ms, max %.0f ms; RSS max %d MB"
        % (path, port, dict(statuses), latencies[len(latencies) // 2], latencies[-1], max(rss))
    )


if __name__ == "__main__":
    main()
