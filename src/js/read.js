// The JavaScript half of reading an input (src/js/read.rs), whose object tests the
// small module's tape (src/validate/tape.js) shares: every helper here never
// throws. wasm-bindgen's `catch` imports leak one externref table slot each time a
// value-returning import throws (measured: 1M throwing getters grew the table by 1M
// slots, then the instance trapped), so exceptions are caught here and reported as
// plain values instead.
const proto = Object.getPrototypeOf;
const ownKeys = Reflect.ownKeys;
const keys = Object.keys;
const hasOwn = Object.hasOwn;
const isArray = Array.isArray;
const stringify = JSON.stringify;
const isEnumerable = Function.prototype.call.bind(Object.prototype.propertyIsEnumerable);
const ObjectPrototype = Object.prototype;

/** Another realm's `Object.prototype` (an iframe's): a null-prototype object whose own
 * `constructor` is a function named Object that it is the prototype of. */
function isObjectPrototype(p) {
  if (proto(p) !== null || !hasOwn(p, "constructor") || !hasOwn(p, "hasOwnProperty")) return false;
  const c = p.constructor;
  return typeof c === "function" && c.prototype === p && c.name === "Object";
}

/**
 * A plain object: its prototype is null or a realm's `Object.prototype`, and it has no
 * `toJSON` at all (own, non-enumerable or inherited: JSON.stringify would send what
 * that returns, not what was validated). Anything with a prototype of its own (a class
 * instance, a `Date`, an object made with `Object.create(proto)`) is not. May throw
 * (a proxy).
 */
export function isPlainObject(x) {
  return plainness(x) !== NOT_PLAIN;
}

const NOT_PLAIN = 0, NULL_PROTOTYPE = 1, THIS_REALM = 2, OTHER_REALM = 3;

/** Whether `x` is a plain object, and whose: NOT_PLAIN, or its prototype is null,
 * this realm's Object.prototype or another realm's. May throw (a proxy). `tape_kind`
 * asks the same questions in its own order: keep the two in step. */
function plainness(x) {
  if (typeof x !== "object" || x === null || isArray(x)) return NOT_PLAIN;
  const p = proto(x);
  if (p !== null && p !== ObjectPrototype && !isObjectPrototype(p)) return NOT_PLAIN;
  if ("toJSON" in x) return NOT_PLAIN;
  return p === null ? NULL_PROTOTYPE : p === ObjectPrototype ? THIS_REALM : OTHER_REALM;
}

/**
 * The fast way in: when the input is plain data (plain objects and arrays, strings,
 * finite numbers, booleans, null; no `toJSON` anywhere; within the limits),
 * JSON.stringify writes exactly the tree the slow reader would build, in one crossing
 * instead of one per property. Anything else answers undefined and is read the slow
 * way, which names it. What is validated is what JSON.stringify wrote, so it is also
 * exactly what would be sent. (The small module's tape writer asks this at its limit.)
 */
export function plain_json(input, maxDepth, maxNodes) {
  const copied = plain_copy(input, maxDepth, maxNodes);
  return typeof copied === "string" ? copied : undefined;
}

/**
 * What the full module's reader reads (src/js/read.rs `read`): each property of the
 * input read once, into a copy. Plain data throughout: the copy's JSON text (see
 * `plain_json`). Otherwise the copy itself (undefined for an input that is no object),
 * which the slow reader reads as it would the input: it holds, where copying stopped,
 * what was read there as it was (an instance, a function, NaN, an object too deep or
 * that could not be asked what it is, which the reader then asks itself), and where
 * reading a property threw, a property whose reading throws. So no getter runs a
 * second time (read twice, one could answer otherwise, and this entry's report differ
 * from the small module's, whose tape reads each property once).
 */
export function plain_copy(input, maxDepth, maxNodes) {
  if (typeof input !== "object" || input === null) return undefined;
  let nodes = 0;
  let complete = true;
  // What was read there as it was: the slow reader names it.
  const asRead = (x) => {
    complete = false;
    return x;
  };
  // A copy whose keys would make the slow reader think it no plain object (a `toJSON`
  // the input's proxy may have hidden from `in`), or that JSON would write otherwise
  // (`__proto__`): known plain, and read by the slow reader.
  const known = (out) => {
    complete = false;
    COPIES.add(out);
  };
  // Where reading threw: reading the copy there throws too (the reader then says
  // `unreadable`, as it would have of the input, counting no node for it).
  const unreadable = (out, key) => {
    complete = false;
    defineProperty(out, key, { get: throwUnreadable, enumerable: true, configurable: true });
  };
  const copy = (x, depth) => {
    if (++nodes > maxNodes) return asRead(x);
    switch (typeof x) {
      case "string":
      case "boolean":
        return x;
      case "number":
        return x - x === 0 ? x : asRead(x);
      case "object": {
        if (x === null) return null;
        if (depth >= maxDepth) return asRead(x);
        let array, length, k;
        try {
          array = isArray(x);
          if (array) {
            length = x.length;
            // A length no array has (a proxy's) is the reader's to read, as it reads it.
            const odd = !Number.isSafeInteger(length) || length < 0;
            if ("toJSON" in x || odd || length > maxNodes - nodes) return asRead(x);
          } else {
            if (!isPlainObject(x)) return asRead(x);
            k = keys(x);
            if (k.length > maxNodes - nodes) return asRead(x);
          }
        } catch {
          // Asking what it is, or its keys, threw (a proxy's trap): the reader asks
          // again, as it reads it, with its own budget.
          return asRead(x);
        }
        if (array) {
          const out = [];
          for (let i = 0; i < length; i++) {
            let y;
            try {
              y = x[i];
            } catch {
              unreadable(out, i);
              continue;
            }
            // JSON writes null for an undefined item; the slow reader, undefined.
            out[i] = y === undefined ? asRead(undefined) : copy(y, depth + 1);
          }
          out.length = length;
          return out;
        }
        // A plain object literal (one with no prototype is a slow dictionary to fill
        // and to write out); a key "__proto__" is defined, as the own key it is.
        const out = {};
        for (let i = 0; i < k.length; i++) {
          const key = k[i];
          if (key === "toJSON" || key === "__proto__") known(out);
          let y;
          try {
            y = x[key];
          } catch {
            unreadable(out, key);
            continue;
          }
          if (key === "__proto__") {
            defineOwn(out, key, y === undefined ? undefined : copy(y, depth + 1));
            continue;
          }
          if (y === undefined) {
            // A key a getter read before took away is no key (as for…in, and so the
            // tape, skips it); one still there is kept, undefined: JSON leaves it out,
            // as the rules do, and the slow reader must see the keys the input has.
            let still = true;
            try {
              still = hasOwn(x, key);
            } catch {
              // Asking threw (a proxy's trap): kept, for the reader to read as it does.
            }
            if (still) out[key] = undefined;
            continue;
          }
          out[key] = copy(y, depth + 1);
        }
        return out;
      }
      default:
        return asRead(x);
    }
  };
  let copied;
  try {
    copied = copy(input, 0);
  } catch {
    // Nothing above throws by design; should anything, the reader reads the input
    // itself, as before there was a copy (this never throws into the wasm).
    return undefined;
  }
  if (!complete) return copied;
  try {
    return stringify(copied);
  } catch {
    return copied;
  }
}

const defineProperty = Object.defineProperty;

/** Sets `object[key]` as an own data property, a key `__proto__` too (set, that one
 * would be the object's prototype, and the key lost). */
export function defineOwn(object, key, value) {
  defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
function throwUnreadable() {
  throw new Error("coc-incident: this property could not be read");
}

// Plain objects `plain_copy` made with a key that would make them look otherwise: what
// the slow reader reads as plain. Weak: a copy lives no longer than the call reading it.
const COPIES = new WeakSet();

/** What an object is, for the slow reader: 0 a plain object, 1 an array, 2 anything
 * else (an instance), 3 unreadable (asking threw: a revoked proxy, a throwing trap). */
export function object_kind(x) {
  // A copy `plain_copy` made of a plain object: plain, as the original was found (a
  // proxy may hide a `toJSON` key from `in` that the copy, holding it, would not).
  if (COPIES.has(x)) return 0;
  const kind = tape_kind(x);
  // Plain, whatever its prototype.
  return kind > 3 ? 0 : kind;
}

/** `object_kind` for the small module's tape writer (src/validate/tape.js), which
 * tells plain objects apart by their prototype: 0 a plain object whose prototype is
 * another realm's Object.prototype, 1 an array, 2 an instance, 3 unreadable, 4 a plain
 * object with no prototype, 5 one whose prototype is this realm's Object.prototype.
 * `for…in` lists the keys of the last two as Object.keys does, while nothing
 * enumerable is inherited from this realm's Object.prototype. */
export function tape_kind(x) {
  // `plainness`, asked in the same order, with this realm's Object.prototype (nearly
  // every object) answered first: in Node, 9 ns an object through `plainness`, 6 here.
  // Keep the two in step.
  try {
    if (typeof x !== "object" || x === null) return 2;
    if (isArray(x)) return 1;
    const p = proto(x);
    if (p !== null && p !== ObjectPrototype && !isObjectPrototype(p)) return 2;
    if ("toJSON" in x) return 2;
    return p === ObjectPrototype ? 5 : p === null ? 4 : 0;
  } catch {
    return 3;
  }
}

/** Whether this realm's Object.prototype has an enumerable property (a page added
 * one): `for…in` over a plain object would list it too. */
export function inherits_enumerable() {
  for (const _ in ObjectPrototype) return true;
  return false;
}

let unread = 0;

/** The own enumerable string keys of `x` (as Object.keys), at most `budget` of them
 * (`unread_keys()` then counts the string keys left unread); `undefined` when asking
 * threw. */
export function own_keys(x, budget) {
  unread = 0;
  try {
    const all = ownKeys(x);
    const found = [];
    let i = 0;
    for (; i < all.length && found.length < budget; i++) {
      const key = all[i];
      if (typeof key === "string" && isEnumerable(x, key)) found.push(key);
    }
    for (; i < all.length; i++) if (typeof all[i] === "string") unread++;
    return found;
  } catch {
    return undefined;
  }
}

/** How many string keys the last `own_keys` left unread. */
export function unread_keys() {
  return unread;
}

let threw = false;

/** `x[key]`, or undefined when reading threw (then `took_exception()` is true once). */
export function get_property(x, key) {
  try {
    return x[key];
  } catch {
    threw = true;
    return undefined;
  }
}

/** Whether the last `get_property` threw; resets. */
export function took_exception() {
  const t = threw;
  threw = false;
  return t;
}

/** Each unpaired surrogate of `s` as (UTF-16 index, code unit) pairs, flattened; none
 * (undefined) for a well-formed string, which is nearly every string. */
export function unpaired_surrogates(s) {
  if (s.isWellFormed()) return undefined;
  const found = [];
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else found.push(i, unit);
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      found.push(i, unit);
    }
  }
  return new Uint32Array(found);
}

/** A number as JSON.stringify writes it (for a finite number, that is String(n)). */
export function number_text(n) {
  return String(n);
}

/** JSON.parse, or undefined for text that is not JSON (which JSON.parse never returns). */
export function parse_json(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
