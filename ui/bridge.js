// The window's one way to POINT's Rust side: the only module that calls Tauri's `invoke` and
// `listen` (scripts/check-ui fails on any other). Both are typed by the contract generated from
// the Rust commands, views and events (src-tauri/contract/contract.d.ts), so a misspelled
// command, argument, field or enum value fails the type check.

/** @typedef {import("../src-tauri/contract/contract").Commands} Commands */
/** @typedef {import("../src-tauri/contract/contract").Events} Events */
/** @typedef {import("../src-tauri/contract/contract").ErrorView} ErrorView */
/** @typedef {import("../src-tauri/contract/contract").ErrorCode} ErrorCode */

/**
 * What a failed call rejects with: POINT's `ErrorView`, or (`code: null`) a failure of Tauri's
 * own, such as a command the window may not call.
 * @typedef {Omit<ErrorView, "code"> & { code: ErrorCode | null }} Failure
 */

/**
 * Tauri's IPC as its runtime puts it on every page (what `@tauri-apps/api`'s `invoke` and `listen`
 * call): POINT does not turn on `withGlobalTauri`, whose 41 KB API bundle would be parsed and run
 * before each page's first paint for two functions.
 * @type {{
 *   invoke: (command: string, args?: object) => Promise<unknown>,
 *   transformCallback: (callback: (message: { payload: unknown }) => void) => number,
 * }}
 */
const tauri = /** @type {any} */ (window).__TAURI_INTERNALS__;

/**
 * Calls command `command` with its arguments (none when it takes none); resolves with its
 * answer, rejects with what `failure` reads.
 * @template {keyof Commands} C
 * @param {C} command
 * @param {Commands[C]["args"] extends null ? [] : [Commands[C]["args"]]} args
 * @returns {Promise<Commands[C]["answer"]>}
 */
export function call(command, ...args) {
  return /** @type {Promise<Commands[C]["answer"]>} */ (tauri.invoke(command, args[0] ?? {}));
}

/**
 * Listens to event `event` from any source, as `@tauri-apps/api/event`'s `listen` does; resolves
 * once listening. The window listens for its whole life, so there is no unlisten.
 * @template {keyof Events} E
 * @param {E} event
 * @param {(payload: Events[E]) => void} handler
 * @returns {Promise<void>}
 */
export async function on(event, handler) {
  await tauri.invoke("plugin:event|listen", {
    event,
    target: { kind: "Any" },
    handler: tauri.transformCallback((message) => handler(/** @type {Events[E]} */ (message.payload))),
  });
}

/**
 * What a failed `call` rejected with.
 * @param {unknown} error
 * @returns {Failure}
 */
export function failure(error) {
  if (typeof error === "object" && error !== null && "code" in error && "message" in error) {
    return /** @type {ErrorView} */ (error);
  }
  return { code: null, message: String(error), hint: null };
}
