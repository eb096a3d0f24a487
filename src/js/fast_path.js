// The clean-request fast path of validateHandleRequest. It answers one question, from
// the Rust rule tables (installed once, as JSON): is this input valid with no warning
// at all? `true` only when every rule is certainly met; anything unusual, any doubt,
// and every invalid input answer `false`, and the Rust validator then decides and
// reports. Differential tests in tests/browser.rs hold the two to agreement.
const proto = Object.getPrototypeOf;
const keys = Object.keys;
const isArray = Array.isArray;
const isSafeInteger = Number.isSafeInteger;

let root = null;
let operations = null;

/** Takes the tables: { root: [field], operations: { key: { parameterRequired, fields: [field] } } }. */
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

function plainObject(x) {
  if (typeof x !== "object" || x === null || isArray(x)) return false;
  const p = proto(x);
  return p === null || proto(p) === null;
}

/** Whitespace as String.prototype.trim sees it, above ASCII (U+0085 is a control, refused before). */
function isWideSpace(c) {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A string that is not blank, holds no control character but tab, LF, CR and no
 * unpaired surrogate, and is at most `max` UTF-16 units long (after trimming when
 * `trimmed`): one pass, no allocation.
 */
function cleanText(s, max, trimmed) {
  if (typeof s !== "string") return false;
  const n = s.length;
  if (n === 0 || (!trimmed && n > max)) return false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) {
      if (c === 0x20 || c === 9 || c === 10 || c === 13) continue;
      return false;
    }
    if (c >= 0x7f) {
      if (c <= 0x9f) return false;
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = s.charCodeAt(i + 1);
        if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) return false;
        if (first < 0) first = i;
        last = ++i;
        continue;
      }
      if (isWideSpace(c)) continue;
    }
    if (first < 0) first = i;
    last = i;
  }
  return first >= 0 && (trimmed ? last - first + 1 : n) <= max;
}

/** The object's own enumerable values for `fields`, in table order; null if it has another key. */
function values(object, fields) {
  const found = new Array(fields.length);
  const own = keys(object);
  next: for (let i = 0; i < own.length; i++) {
    const key = own[i];
    const value = object[key];
    for (let j = 0; j < fields.length; j++) {
      if (fields[j].key === key) {
        found[j] = value;
        continue next;
      }
    }
    // Another key: an error, or a warning when allowed; either way not clean.
    if (value !== undefined) return null;
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
  if (!plainObject(input)) return false;
  const found = values(input, root);
  if (found === null || !cleanFields(root, found)) return false;
  // The root table ends with operate_key and parameter, which the tables name.
  const operation = operations.get(found[root.length - 2]);
  if (operation === undefined) return false;
  const parameter = found[root.length - 1];
  if (parameter === undefined || parameter === null) return !operation.parameterRequired;
  if (!plainObject(parameter)) return false;
  const inner = values(parameter, operation.fields);
  return inner !== null && cleanFields(operation.fields, inner);
}
