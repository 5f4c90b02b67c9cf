#!/usr/bin/python3
"""What a screen reader receives from POINT's window: walks the accessibility tree that
WebKitGTK exposes over AT-SPI (the desktop's accessibility bus) and prints, as JSON, every node
of the page that is showing: its role, its name, whether it has the focus, and whether it is a
live region (what changes in it is announced). run.mjs checks each screen with it.

Needs Debian's python3-pyatspi and at-spi2-core; run with the system's Python.
"""
import json
import sys
import time

import pyatspi

INVISIBLE = dict.fromkeys(map(ord, "\u2068\u2069\u200e\u200f"))


def app_named(name, timeout):
    deadline = time.time() + timeout
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and (app.name or "").lower() == name:
                return app
        if time.time() > deadline:
            return None
        time.sleep(0.2)


def attributes(node):
    try:
        return dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
    except Exception:  # a node that went away while it was read
        return {}


def walk(node, inside_document, out):
    try:
        role = node.getRoleName()
        states = node.getState()
    except Exception:
        return
    if not states.contains(pyatspi.STATE_SHOWING) and inside_document:
        return
    if role == "document web":
        inside_document = True
    if inside_document:
        attrs = attributes(node)
        out.append({
            "role": role,
            "name": (node.name or "").translate(INVISIBLE).strip(),
            "focused": states.contains(pyatspi.STATE_FOCUSED),
            "live": attrs.get("live") or attrs.get("container-live") or "",
            "id": attrs.get("id", ""),
        })
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            walk(child, inside_document, out)


def main():
    app = app_named(sys.argv[1] if len(sys.argv) > 1 else "point", timeout=20)
    if app is None:
        print(json.dumps({"error": "no application of that name on the accessibility bus"}))
        return 1
    nodes = []
    walk(app, False, nodes)
    print(json.dumps({"nodes": nodes}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
