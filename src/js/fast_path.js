// The clean-request fast path of validateHandleRequest. It answers one question, from
// the Rust rule tables (installed once, as JSON): is this input valid with no warning
// at all? `true` only when every rule is certainly met; anything unusual, any doubt,
// and every invalid input answer `false`, and the Rust validator then decides and
// reports. It reads an input as the Rust reader does (src/js/read.js: the same plain
// object test, the keys of Object.keys). tests/client/fast_path.test.mjs and the fuzzer
// (scripts/fuzz.mjs) hold the two to agreement on whole reports. A getter or proxy
// that answers differently on each read can be judged on a different read here than
// in Rust: only data that stays put is judged the same way twice.
import { isPlainObject } from "./read.js";

const keysOf = Object.keys;
/** More keys than this is never clean here: Rust decides. */
const MAX_CLEAN_KEYS = 64;
const isSafeInteger = Number.isSafeInteger;

let root = null;
let operations = null;

/** Takes the tables: { root: [field], operations: [{ key, parameterRequired, fields: [field] }] }. */
export function install_fast_path(json) {
  const tables = JSON.parse(json);
  // Fresh objects of one shape, so that every field access stays monomorphic.
  const index = (fields) =>
    fields.map((field) => ({
      key: field.key,
      kind: field.kind,
      max: field.max ?? 0,
      trimmed: field.trimmed === true,
      required: field.required === true,
      notBefore: fields.findIndex((f) => f.key === field.notBefore),
      recommendedWhen: fields.findIndex((f) => f.key === field.recommendedWhen),
    }));
  root = index(tables.root);
  operations = new Map();
  for (const op of tables.operations) operations.set(op.key, { parameterRequired: op.parameterRequired, fields: index(op.fields) });
}

// Printable ASCII with no space at either end: most ids and codes, in one test.
const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
// Control characters (Unicode Cc) other than tab, LF and CR.
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const NON_SPACE = /\S/;

/**
 * A string that is not blank, holds no control character but tab, LF, CR and no
 * unpaired surrogate, and is at most `max` UTF-16 units long (after trimming when
 * `trimmed`). The engine's regular expressions scan faster than a loop here.
 */
function cleanText(s, max, trimmed) {
  if (typeof s !== "string") return false;
  const n = s.length;
  if (n <= max && PLAIN_ASCII.test(s)) return true;
  return (
    NON_SPACE.test(s) &&
    (trimmed ? s.trim().length : n) <= max &&
    !CONTROL.test(s) &&
    s.isWellFormed()
  );
}

/**
 * The object's values for `fields`, in table order, or null when it has any other own
 * enumerable key (an unknown field is an error, or a warning when allowed: never
 * clean). Keys as Object.keys gives them, as the Rust reader reads them.
 */
function values(object, fields) {
  // Object.keys, not Reflect.ownKeys: measured 8 ns against 121 ns a call, and a proxy
  // that claims a million keys costs about the same either way (its own trap dominates).
  const keys = keysOf(object);
  if (keys.length > MAX_CLEAN_KEYS) return null;
  const found = new Array(fields.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let j = 0;
    while (j < fields.length && fields[j].key !== key) j++;
    const value = object[key];
    if (j === fields.length) {
      // An unknown key with an undefined value is no key at all, to JSON and the rules.
      if (value !== undefined) return null;
    } else {
      found[j] = value;
    }
  }
  return found;
}

function cleanFields(fields, found) {
  for (let j = 0; j < fields.length; j++) {
    const field = fields[j];
    const value = found[j];
    if (value === undefined || value === null) {
      if (field.required) return false;
      if (field.recommendedWhen >= 0 && found[field.recommendedWhen] === true) return false;
      continue;
    }
    switch (field.kind) {
      case "text":
        if (!cleanText(value, field.max, field.trimmed)) return false;
        break;
      case "bool":
        if (typeof value !== "boolean") return false;
        break;
      case "operate_key":
        if (typeof value !== "string") return false;
        break;
      case "parameter":
        break;
      case "millis": {
        if (!isSafeInteger(value) || value < 0) return false;
        const start = field.notBefore >= 0 ? found[field.notBefore] : undefined;
        if (isSafeInteger(start) && start >= 0 && value < start) return false;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** True only when `input` is valid and draws no warning. Never throws: a throwing
 * getter or proxy is the Rust reader's to report. */
export function fast_path_clean(input) {
  try {
    return clean(input);
  } catch {
    return false;
  }
}

/** The report of a clean input, made here (one crossing), or undefined. */
export function fast_path_report(input) {
  return fast_path_clean(input) ? { valid: true, errors: [], warnings: [] } : undefined;
}

function clean(input) {
  if (!isPlainObject(input)) return false;
  const found = values(input, root);
  if (found === null || !cleanFields(root, found)) return false;
  // The root table ends with operate_key and parameter, which the tables name.
  const operation = operations.get(found[root.length - 2]);
  if (operation === undefined) return false;
  const parameter = found[root.length - 1];
  if (parameter === undefined || parameter === null) return !operation.parameterRequired;
  if (!isPlainObject(parameter)) return false;
  const inner = values(parameter, operation.fields);
  return inner !== null && cleanFields(operation.fields, inner);
}
