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
 * Tauri's API, as `withGlobalTauri` puts it on the window.
 * @type {{
 *   core: { invoke: (command: string, args?: object) => Promise<unknown> },
 *   event: { listen: (event: string, handler: (event: { payload: unknown }) => void) => Promise<() => void> },
 * }}
 */
const tauri = /** @type {any} */ (window).__TAURI__;

/**
 * Calls command `command` with its arguments (none when it takes none); resolves with its
 * answer, rejects with what `failure` reads.
 * @template {keyof Commands} C
 * @param {C} command
 * @param {Commands[C]["args"] extends null ? [] : [Commands[C]["args"]]} args
 * @returns {Promise<Commands[C]["answer"]>}
 */
export function call(command, ...args) {
  return /** @type {Promise<Commands[C]["answer"]>} */ (tauri.core.invoke(command, args[0] ?? {}));
}

/**
 * Listens to event `event`; resolves once listening.
 * @template {keyof Events} E
 * @param {E} event
 * @param {(payload: Events[E]) => void} handler
 * @returns {Promise<() => void>}
 */
export function on(event, handler) {
  return tauri.event.listen(event, (message) => handler(/** @type {Events[E]} */ (message.payload)));
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
