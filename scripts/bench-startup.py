"""What a person waits for when POINT starts, beside a bare Tauri 2 app (run by `scripts/bench
startup`, which sets the stage: Xvfb, GNOME Keyring, the dev stack, IT's configuration file).

Frames are read from the X server, as a screen would show them, with no WebDriver in the app:
from the moment the process is started, the window is found by its title and its pixels are read
again and again. The first frame whose pixels are not all one colour is the first painted frame
of content; the frame the window settles on (unchanged for SETTLE seconds) is, for POINT signed
in, the dashboard, and the time of the first frame identical to it is launch -> dashboard. Once
settled, the resident memory of the app and of every process it started (WebKit's web and network
processes) is summed from /proc. POINT is measured signed out, then signed in; each time it
and the bare app are launched once unmeasured, then ROUNDS times in alternating order; medians are
printed.

Figures only: nothing here asserts a time.
"""

import argparse
import calendar
import hashlib
import http.client
import json
import os
import signal
import ssl
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import numpy
from Xlib import X, display

SETTLE = 2.5
TIMEOUT = 40.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--point", required=True)
    parser.add_argument("--bare", required=True)
    parser.add_argument("--bare-plugins", required=True, help="the bare app with POINT's five plugins")
    parser.add_argument("--session-tool", required=True)
    parser.add_argument("--frames", required=True, help="folder for the settled frames (PPM)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--timeline", action="store_true",
                        help="instead: ROUNDS signed-in launches of POINT, each as a timeline of its "
                        "frames and its launch milestones (its log's `launch` target)")
    args = parser.parse_args()

    issuer = os.environ["POINT_OKTA_DOMAIN"]
    ca = os.environ["POINT_CA_FILE"]
    screen = display.Display()
    results = {"POINT signed out": [], "POINT": [], "bare": [], "bare with plugins": []}
    round_trip = fresh_request_ms(issuer, ca)
    if args.timeline:
        sign_in(args.session_tool, issuer, os.environ["POINT_CLIENT_ID"], ca)
        apps = {"POINT": (args.point, "POINT"), "bare": (args.bare, "bare"),
                "bare with plugins": (args.bare_plugins, "bare with plugins")}
        for binary, title in apps.values():
            launch(screen, binary, title)  # unmeasured
        for round_number in range(args.rounds):
            for name, (binary, title) in apps.items():
                result = launch(screen, binary, title, timeline=True)
                print_timeline(name, round_number, result)
                for number, pixels in enumerate(result["frames"], 1):
                    keep_frame(f"timeline {name} {round_number + 1} frame {number}", {"frame": pixels}, args.frames)
        print(f"one request to the dev stack on a new connection: {round_trip:.1f} ms (median of 15)")
        return
    # First as a person who is not signed in (the Welcome screen: no keychain entry, no request),
    # then signed in (the restore from the keychain, the refresh, the dashboard call). The bare
    # app is launched in turn with POINT in both, so both see the same machine.
    for point in ("POINT signed out", "POINT"):
        if point == "POINT":
            sign_in(args.session_tool, issuer, os.environ["POINT_CLIENT_ID"], ca)
        apps = {
            point: (args.point, "POINT"),
            "bare": (args.bare, "bare"),
            "bare with plugins": (args.bare_plugins, "bare with plugins"),
        }
        for name, (binary, title) in apps.items():
            measure(screen, name, binary, title, args.frames, ca, None, calls_api=name == "POINT")
        for round_number in range(args.rounds):
            # Each app first, middle and last in turn.
            names = list(apps)
            shift = round_number % len(names)
            order = names[shift:] + names[:shift]
            for name in order:
                binary, title = apps[name]
                results[name].append(measure(
                    screen, name, binary, title, args.frames, ca, round_number, calls_api=name == "POINT"))

    def median(name, key):
        return statistics.median(r.get(key, 0) for r in results[name])

    rows = [
        ("launch -> window (ms)", "POINT", "content"),
        ("  signed out (ms)", "POINT signed out", "content"),
        ("launch -> dashboard (ms)", "POINT", "settled"),
        ("resident memory (MiB)", "POINT", "rss"),
        ("  of which shared (PSS, MiB)", "POINT", "pss"),
        ("  app process (MiB)", "POINT", "app rss"),
        ("    of which anonymous", "POINT", "app anon"),
        ("  web process (MiB)", "POINT", "web rss"),
        ("    of which anonymous", "POINT", "web anon"),
        ("  network process (MiB)", "POINT", "network rss"),
        ("    of which anonymous", "POINT", "network anon"),
    ]
    print(f"median of {args.rounds} launches each of POINT signed out and signed in, "
          f"{2 * args.rounds} of each bare app")
    print(f"{'':28} {'POINT':>10} {'bare':>10} {'bare+plugins':>13} {'/bare':>7} {'/+plugins':>10}")
    for label, point, key in rows:
        scale = 2**20 if key in ("rss", "pss") or key.endswith((" rss", " anon")) else 1
        ours = median(point, key) / scale
        if key == "settled":
            print(f"{label:28} {ours:10.1f} {'(no sign-in)':>24}")
            continue
        bare = median("bare", key) / scale
        plugins = median("bare with plugins", key) / scale
        print(f"{label:28} {ours:10.1f} {bare:10.1f} {plugins:13.1f} {ours / bare:6.2f}x {ours / plugins:9.2f}x")
    window = median("POINT", "content")
    dashboard = median("POINT", "settled")
    print(
        f"one request to the dev stack on a new connection: {round_trip:.1f} ms (median of 15); "
        f"launch -> dashboard - launch -> window = {dashboard - window:.1f} ms "
        f"= {(dashboard - window) / round_trip:.1f} such requests"
    )


def measure(screen, name, binary, title, folder, ca, round_number, calls_api):
    """One launch; ROUND_NUMBER None is the unmeasured one. Checks that the dashboard API was
    called in this launch if and only if CALLS_API (POINT restored the session, or did not try)."""
    before = api_requests(ca)
    result = launch(screen, binary, title)
    keep_frame(name, result, folder, unmeasured=round_number is None)
    if (api_requests(ca) > before) != calls_api:
        sys.exit(f"{name}: the dashboard API was {'not ' if calls_api else ''}called in this launch")
    if round_number is not None:
        print(
            f"  {name:16} launch {round_number + 1}: content {result['content']:7.1f} ms, "
            f"settled {result['settled']:7.1f} ms, {result['rss'] / 2**20:6.1f} MiB",
            file=sys.stderr,
        )
    return result


def sign_in(tool, issuer, client_id, ca):
    """Signs the person in as the release build would (its keychain entry and data folder), with the
    dev provider's automatic login standing in for the browser."""
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    common = [
        "--issuer", issuer, "--client-id", client_id, "--ca", ca,
        "--data-dir", os.path.join(data_home, "org.pointapp.point"),
        "--service", "org.pointapp.point",
    ]
    begun = json.loads(subprocess.run([tool, "begin", *common], capture_output=True, check=True).stdout)
    callback = follow_to_callback(begun["url"], ca)
    done = subprocess.run([tool, "complete", callback, *common], capture_output=True)
    outcome = json.loads(done.stdout)
    if not outcome.get("ok"):
        sys.exit(f"sign-in for the bench failed: {outcome}")


def follow_to_callback(url, ca):
    """Follows the provider's redirects (cookies kept) until one leaves for POINT's scheme."""
    context = ssl.create_default_context(cafile=ca)
    cookies = urllib.request.HTTPCookieProcessor()

    class Stop(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if not newurl.startswith("https:"):
                raise Arrived(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    class Arrived(Exception):
        pass

    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), cookies, Stop)
    try:
        opener.open(url, timeout=30).read()
    except Arrived as arrived:
        return urllib.parse.urljoin(url, str(arrived))
    except urllib.error.HTTPError as refused:
        # urllib refuses to follow a redirect to a scheme it does not know: that is the one.
        location = refused.headers.get("Location", "")
        if refused.code in (301, 302, 303, 307, 308) and not location.startswith("http"):
            return location
        raise
    sys.exit("the dev provider did not send the browser back to POINT (is --auto-login on?)")


def api_requests(ca):
    """How many requests the dev dashboard's API has served."""
    context = ssl.create_default_context(cafile=ca)
    url = os.environ["POINT_API_BASE"].rstrip("/") + "/__dev/stats"
    with urllib.request.urlopen(url, context=context, timeout=10) as response:
        return json.load(response)["apiRequests"]


def fresh_request_ms(issuer, ca):
    """Median time of one HTTPS request to the dev provider on a new connection (TCP, TLS, GET)."""
    context = ssl.create_default_context(cafile=ca)
    url = urllib.parse.urlsplit(issuer)
    times = []
    for _ in range(15):
        start = time.perf_counter()
        connection = http.client.HTTPSConnection(url.hostname, url.port, context=context, timeout=10)
        connection.request("GET", url.path + "/.well-known/openid-configuration")
        connection.getresponse().read()
        connection.close()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def print_timeline(name, round_number, result):
    """One launch's frames and milestones, in ms since it was started."""
    events = [(ms, f"frame {n}{' (first content)' if ms == result['content'] else ''}")
              for n, ms in enumerate(result["changes"], 1)]
    for line in result["log"].splitlines():
        # tracing's format: 2026-12-03T23:59:59.123456Z DEBUG launch: what happened ...
        # The bare apps': launch-at <seconds since the epoch> what happened
        stamp, _, rest = line.partition(" ")
        try:
            if stamp == "launch-at":
                stamp, _, what = rest.partition(" ")
                at = float(stamp)
            elif " launch: " in rest:
                at = calendar.timegm(time.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S"))
                at += float("0" + stamp[19:].rstrip("Z"))
                what = rest.split(" launch: ", 1)[1]
            else:
                continue
        except ValueError:
            continue
        events.append(((at - result["wall_start"]) * 1000, what))
    print(f"{name} launch {round_number + 1}:")
    for ms, what in sorted(events, key=lambda event: event[0]):
        print(f"  {ms:8.1f} ms  {what}")
    print("  settled, MiB resident (anonymous): " + ", ".join(
        f"{kind} {result.get(kind + ' rss', 0) / 2**20:.1f} ({result.get(kind + ' anon', 0) / 2**20:.1f})"
        for kind in ("app", "web", "network")))
    for kind in ("app", "web"):
        largest = sorted(((mib, path) for (k, path), mib in result["files"].items() if k == kind), reverse=True)[:8]
        print(f"  {kind}'s largest mapped files, MiB resident: " + ", ".join(
            f"{os.path.basename(path)} {mib:.1f}" for mib, path in largest))


def launch(screen, binary, title, timeline=False):
    """Starts BINARY and watches its window until it settles; returns the figures and the frame.
    With TIMELINE, also the time of every frame change and the app's `launch` log lines."""
    env = dict(os.environ, POINT_NO_SCHEME_REGISTRATION="1")
    log = None
    if timeline:
        env["RUST_LOG"] = "warn,point=info,point_lib=info,launch=debug"
        log = open(os.path.join(os.environ.get("TMPDIR", "/tmp"), "point-bench-timeline.log"), "w+")
    wall_start = time.time()
    start = time.perf_counter()
    process = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL,
                               stderr=log if log else subprocess.DEVNULL)
    changes = []
    frames = []
    try:
        window = None
        content = None
        last_hash = None
        last_change = None
        frame = None
        while True:
            now = time.perf_counter()
            if now - start > TIMEOUT:
                raise SystemExit(f"{title}: no settled window within {TIMEOUT:.0f} s")
            if process.poll() is not None:
                raise SystemExit(f"{title} exited with {process.returncode} while starting")
            if window is None:
                window = find_window(screen, title)
                if window is None:
                    time.sleep(0.002)
                    continue
            pixels = read_frame(window)
            taken = (time.perf_counter() - start) * 1000
            if pixels is None:
                continue
            if content is None:
                if (pixels != pixels.flat[0]).any():
                    content = taken
                else:
                    continue
            digest = hashlib.blake2b(pixels.tobytes(), digest_size=16).digest()
            if digest != last_hash:
                last_hash, last_change, frame = digest, taken, pixels
                changes.append(taken)
                if timeline:
                    frames.append(pixels)
            elif taken - last_change >= SETTLE * 1000:
                break
        tree = process_tree(process.pid)
        rss, pss, parts = memory_of_tree(tree)
        files = mapped_files(tree) if timeline else {}
        result = {"content": content, "settled": last_change, "rss": rss, "pss": pss, **parts, "frame": frame,
                  "pid": process.pid, "changes": changes, "frames": frames, "wall_start": wall_start,
                  "files": files}
        if log:
            log.flush()
            log.seek(0)
            result["log"] = log.read()
        return result
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            log.close()
        time.sleep(0.5)


def find_window(screen, title):
    """The viewable top-level window with this title, if it is there yet."""
    for child in screen.screen().root.query_tree().children:
        try:
            if child.get_wm_name() == title and child.get_attributes().map_state == X.IsViewable:
                return child
        except Exception:  # the window went away between the two calls
            continue
    return None


def read_frame(window):
    """The window's pixels as a 2-D array of 0xRRGGBB, or None if it cannot be read right now."""
    try:
        geometry = window.get_geometry()
        image = window.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
    except Exception:
        return None
    pixels = numpy.frombuffer(image.data, dtype=numpy.uint32)
    return (pixels & 0xFFFFFF).reshape(geometry.height, -1)[:, : geometry.width]


def process_tree(root):
    """{pid: kind} of ROOT and all its descendants (kind: "web", "network" or "app")."""
    parents, names = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parents[int(entry)] = int(stat.read().rsplit(")", 1)[1].split()[1])
                with open(f"/proc/{entry}/comm") as comm:
                    names[int(entry)] = comm.read().strip()
            except OSError:
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return {pid: PROCESS_KINDS.get(names.get(pid, ""), "app") for pid in tree}


def memory_of_tree(tree):
    """Resident and proportional set size, in bytes, of the processes of TREE ({pid: kind}), and
    each kind's resident and anonymous bytes ("web rss", "web anon", ...)."""
    rss = pss = 0
    parts = {}
    for pid, kind in tree.items():
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    name, value = line.split(":", 1) if ":" in line else (line, "")
                    size = int(value.split()[0]) * 1024 if value.split() else 0
                    if name == "Rss":
                        rss += size
                        parts[f"{kind} rss"] = parts.get(f"{kind} rss", 0) + size
                    elif name == "Pss":
                        pss += size
                    elif name == "Anonymous":
                        parts[f"{kind} anon"] = parts.get(f"{kind} anon", 0) + size
        except OSError:
            continue
    return rss, pss, parts


def mapped_files(tree):
    """Resident MiB of each file mapped by the processes of TREE ({pid: kind}), per kind: what the
    file-backed part of the memory is (the binary, its libraries, fonts, ICU's data)."""
    files = {}
    for pid, kind in tree.items():
        try:
            with open(f"/proc/{pid}/smaps") as smaps:
                path = None
                for line in smaps:
                    fields = line.split()
                    if len(fields) >= 5 and "-" in fields[0] and ":" in fields[3]:
                        path = fields[5] if len(fields) >= 6 and fields[5].startswith("/") else None
                    elif fields and fields[0] == "Rss:" and path:
                        key = (kind, path)
                        files[key] = files.get(key, 0) + int(fields[1]) / 1024
        except OSError:
            continue
    return files


# WebKitGTK's helper processes by their command name; anything else is the app's own process.
PROCESS_KINDS = {"WebKitWebProces": "web", "WebKitNetworkPr": "network"}


def keep_frame(name, result, folder, unmeasured=False):
    """Keeps the frame each app settled on (PPM), to be looked at."""
    frame = result["frame"]
    path = os.path.join(folder, f"startup-{name.replace(' ', '-')}{'-unmeasured' if unmeasured else ''}.ppm")
    height, width = frame.shape
    rgb = numpy.stack([(frame >> 16) & 0xFF, (frame >> 8) & 0xFF, frame & 0xFF], axis=-1).astype(numpy.uint8)
    with open(path, "wb") as out:
        out.write(f"P6 {width} {height} 255\n".encode())
        out.write(rgb.tobytes())


if __name__ == "__main__":
    main()
