// The window's words: POINT's catalogs for the person's language (Project Fluent, from Rust:
// crates/point-i18n), formatted by Fluent's own runtime (plurals, numbers and dates through the
// platform's Intl), never by hand. The page names its messages in `data-l10n-id` (a message's
// attributes set the element's attributes); the script asks `localized(id, args)`.
import { FluentBundle, FluentNumber, FluentResource } from "./vendor/fluent-bundle/index.js";
import { call } from "./bridge.js";

export { FluentNumber };

/** @typedef {import("./vendor/fluent-bundle/index.js").FluentVariable} FluentVariable */

let bundle = new FluentBundle("en");
/** The language for Intl (the pseudo-locale formats as English). */
let intlLocale = "en";

/** The language the window speaks, for the platform's number and date formatting. */
export function formattingLocale() {
  return intlLocale;
}

/** Asks POINT for the person's language and its catalogs, then words the page in it. */
export async function startLocalization() {
  const localization = await call("localization");
  intlLocale = localization.pseudo ? "en" : localization.locale;
  // Values placed in a message are isolated (U+2068…U+2069) where the page runs right to left,
  // so that a name written the other way cannot reorder the sentence around it; elsewhere not,
  // because screen readers receive those marks too (AT-SPI names carry them).
  const options = { useIsolating: localization.direction === "rtl" };
  bundle = new FluentBundle(intlLocale, localization.pseudo ? { ...options, transform: pseudo } : options);
  for (const source of localization.resources) bundle.addResource(new FluentResource(source));
  document.documentElement.lang = localization.locale;
  document.documentElement.dir = localization.direction;
  wordPage();
}

/**
 * The message `id` in the person's language, with `args`; its ID when the catalog lacks it
 * (scripts/test fails before that can ship).
 * @param {string} id
 * @param {Record<string, FluentVariable>} [args]
 * @returns {string}
 */
export function localized(id, args) {
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args);
}

/** Words every element that names a message: its text, and the attributes the message has. */
function wordPage() {
  document.documentElement.classList.remove("unworded");
  for (const element of document.querySelectorAll("[data-l10n-id]")) {
    const id = /** @type {HTMLElement} */ (element).dataset.l10nId ?? "";
    const message = bundle.getMessage(id);
    if (!message) continue;
    if (message.value) element.textContent = bundle.formatPattern(message.value);
    for (const [name, pattern] of Object.entries(message.attributes)) {
      element.setAttribute(name, bundle.formatPattern(pattern));
    }
  }
}

// The pseudo-locale (en-XA): every letter accented and every vowel doubled, about 40 % longer,
// so that what would be clipped or overflow in a longer language shows in English.
const ACCENTED = "ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ";
const PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** @param {string} text */
function pseudo(text) {
  let out = "";
  for (const character of text) {
    const at = PLAIN.indexOf(character);
    if (at < 0) {
      out += character;
      continue;
    }
    const accented = [...ACCENTED][at];
    out += "aeiouAEIOU".includes(character) ? accented + accented : accented;
  }
  // Then as much again as it takes to be 40 % longer than the English.
  const goal = Math.ceil([...text].length * 1.4);
  if (/[A-Za-z]/.test(text)) while ([...out].length < goal) out += "·";
  return out;
}
