// The window's first script, and its only one before the first frame: it loads the rest (main.js
// and what it imports: ten modules) once that frame is on screen, so that the static "Starting…"
// card waits for none of them, and nothing POINT starts competes with painting it. One animation
// frame is not enough: its callback runs before that frame is composited and shown (under Xvfb
// the card then came up to 100 ms later, behind the restore); the second one runs after it.
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => import("./main.js"))));
