// Writes a JavaScript value as the tape that crates/validate-wasm/src/tape.rs reads:
// 32-bit words, strings as UTF-16 two units a word. One pass over the value, every
// read that can throw caught (getters, proxy traps: the value is then `unreadable`),
// depth and size bounded by the core's limits (MAX_DEPTH, MAX_NODES, given at start).
// It decides nothing about validity: it only says what each value is.
import { inherits_enumerable, own_keys, plain_json, tape_kind, unread_keys } from "../js/read.js";

const UNDEFINED = 0, NULL = 1, FALSE = 2, TRUE = 3, NUMBER = 4, NUMBER_TEXT = 5,
  STRING = 6, ARRAY = 7, OBJECT = 8, FOREIGN = 9, STRING_UTF8 = 10;
// From this length a well-formed string that looks ASCII (see `string`) goes as UTF-8
// through TextEncoder.encodeInto; any other goes as UTF-8 too when it is ASCII, a byte
// a unit, else as UTF-16. encodeInto costs little in Node but a lot to call in a
// browser, so where it pays depends on the engine. Measured against the packing loop of
// `ascii`: in Node the loop wins on the 51- and 61-character texts of a solution (a
// whole tape: 533 against 584 ns); in Chromium it wins up to about 300 characters
// (250: 362 against 524 ns). A text that does not look ASCII goes as UTF-16 however
// long: the wasm checks a clean one on its units, where UTF-8 must be validated first
// (in Node, a solution whose cause is 1,000 CJK characters, new each call: 3.4 µs as
// UTF-8, 2.3 µs as UTF-16).
const UTF8_FROM = globalThis.process?.versions?.node ? 128 : 400;
const encoder = new TextEncoder();
// String methods are called as functions of the string (`charCodeAt(s, i)`), not read
// from it (`s.charCodeAt(i)`): that read is looked up by the string's kind (one- or
// two-byte, flat, concatenated, sliced, internalized…), and once a page's strings have
// been of more than four kinds the lookup is generic, and the engine no longer turns
// `charCodeAt` into a plain read of a unit: each unit became a call. In Chromium, after
// 50 passes over the bench's agreement cases (bench/history.mjs), a 300-character CJK
// comment new each call took 2.8 µs, against 1.1 this way (medians of 5 pages). Bound
// once here rather than `charCodeAt.call(s, i)` at each unit, which cost Node 6% on
// that comment (1.26 against 1.19 µs).
const uncurry = (method) => Function.prototype.call.bind(method);
const charCodeAt = uncurry(String.prototype.charCodeAt);
const isWellFormed = uncurry(String.prototype.isWellFormed);
/** The version of the layout written here (crates/validate-wasm/src/tape.rs `LAYOUT`). */
export const LAYOUT = 2;
const NAME_KEY = 0x8000_0000;
// Set in a string's tag when its words are the last tape's, at this very place.
const UNCHANGED = 0x100;
const FUNCTION = 0, SYMBOL = 1, BIGINT = 2, INSTANCE = 3, TOO_DEEP = 4, TOO_LARGE = 5, UNREADABLE = 6;

const objectKeys = Object.keys;
// How deep, and how many keys into an object, the names found are kept (`key`).
const SEEN_DEPTH = 4, SEEN_KEYS = 32;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
// Thrown by `enumerated` to leave an object too large for it (and caught there).
const TOO_MANY_KEYS = Symbol("too many keys");

export class TapeWriter {
  /** The layout this writer writes (a module answers the one it reads at start). */
  static layout = LAYOUT;

  /** `scratch`: `{ memory, at, bytes }`, the wasm's scratch area, written in place;
   * `names`: the module's names table, whose entries are sent by index as keys. */
  constructor(maxDepth, maxNodes, scratch, names = []) {
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
    this.scratch = scratch;
    this.nameIndex = new Map();
    names.forEach((name, i) => this.nameIndex.has(name) || this.nameIndex.set(name, i));
    this.f64 = new Float64Array(1);
    this.f64Words = new Uint32Array(this.f64.buffer);
    // Every field set here, in one order: writers then share one shape, and the
    // engine's property accesses stay monomorphic.
    this.words = null;
    this.capacity = 0;
    this.bytes = null;
    this.inScratch = false;
    this.at = 0;
    this.nodes = 0;
    this.overBudget = false;
    // UNCHANGED while the input is written, 0 while the options are (see `string`).
    this.mark = 0;
    // The names last found at each position of the objects at each depth (see
    // `key`): [depth][position] → key and its index.
    this.seenKeys = Array.from({ length: SEEN_DEPTH }, () => []);
    this.seenNames = Array.from({ length: SEEN_DEPTH }, () => []);
    // The string values and the keys given as texts of the last tape written in the
    // scratch area, in order, each with the words its record took (see `string` and
    // `textKey`); `written` says that tape was finished, so that what it left in the
    // scratch area is what these say.
    this.strings = [];
    this.stringStarts = [];
    this.stringEnds = [];
    this.stringCount = 0;
    this.written = false;
    // Whether plain objects may be read by `for…in` in this tape (see `enumerated`).
    this.forIn = false;
    // The keys this tape gives as texts (no name of the table), in tape order, the
    // first `textKeyCount` of `textKeys`: an answer names one (in a path) by its place
    // here, so no text crosses back. A count, not the array's length, which is a
    // slower write.
    this.textKeys = [];
    this.textKeyCount = 0;
    if (!scratch) this.grow(1024);
  }

  /** Views over `buffer` from byte `at`, `bytes` long. */
  view(buffer, at, bytes) {
    this.words = new Uint32Array(buffer, at, bytes >>> 2);
    // Kept as a number: the length of a view on wasm memory is a slower read (the
    // engine checks the buffer each time), and `room` asks it for every value.
    this.capacity = bytes >>> 2;
    this.bytes = new Uint8Array(buffer, at, bytes);
  }

  /** Moves on to a buffer of its own, `words` long, keeping what was written. */
  grow(words) {
    const old = this.words;
    this.view(new ArrayBuffer(words * 4), 0, words * 4);
    this.inScratch = false;
    // Views left empty by memory that grew (a getter that called the validator back)
    // have nothing to keep: that tape is written again anyway (index.js `call`).
    if (old && old.length > 0) this.words.set(old.subarray(0, this.at));
  }

  /** Room for `n` more words. */
  room(n) {
    if (this.at + n > this.capacity) this.grow(Math.max(this.capacity * 2, this.at + n));
  }

  /** The tape of a call: the input, then the options. Answers its length in bytes;
   * `inScratch` then says whether it is in the scratch area already. */
  write(input, options) {
    const scratch = this.scratch;
    // Memory that grows detaches the buffer the views were on, which leaves them empty:
    // a cheaper test than comparing with `memory.buffer` (a getter, 10 ns a call).
    if (scratch && (!this.inScratch || this.words.length === 0)) {
      // Back to the scratch area (after a tape too long for it, or memory that grew).
      this.view(scratch.memory.buffer, scratch.at, scratch.bytes);
      this.inScratch = true;
    }
    this.at = 0;
    if (!this.written) this.forgetStrings();
    this.written = false;
    this.stringCount = 0;
    this.forIn = !inherits_enumerable();
    this.textKeyCount = 0;
    this.putCall(input, options);
    if (this.forIn && inherits_enumerable()) {
      // A getter gave Object.prototype an enumerable property while the tape was
      // written, which `for…in` lists: written again, every object by Object.keys.
      // Nothing is taken from the first pass (what its strings say would now be false:
      // a string skipped and marked unchanged must be the last tape's).
      this.forIn = false;
      this.forgetStrings();
      this.textKeyCount = 0;
      this.at = 0;
      this.putCall(input, options);
    }
    // Strings of the last tape beyond this one's are no longer in the scratch area.
    this.forgetStrings(this.stringCount);
    // Nor are text keys of an earlier tape kept beyond this one's.
    if (this.textKeys.length > this.textKeyCount) this.textKeys.length = this.textKeyCount;
    this.written = true;
    return this.at * 4;
  }

  /** The input, its unchanged strings marked (the wasm takes the verdict it found for
   * them last time), then the options, whose strings are never marked: a build knows
   * options it has seen by their bytes (crates/validate-wasm/src/memo.rs), which must
   * not depend on the tape before. */
  putCall(input, options) {
    this.mark = UNCHANGED;
    this.put(input);
    this.mark = 0;
    this.put(options);
  }

  /** Keeps what is known of the first `kept` records of the tape only (strings and
   * keys given as texts; none: nothing of earlier tapes), the next being the `kept`th:
   * no string or key after is skipped until written again. */
  forgetStrings(kept = 0) {
    if (this.strings.length > kept) this.strings.length = this.stringStarts.length = this.stringEnds.length = kept;
    this.stringCount = kept;
  }

  /** One value (the input or the options), with its own node count. */
  put(value) {
    const start = this.at;
    const keys = this.textKeyCount;
    this.nodes = 0;
    this.overBudget = false;
    this.value(value, 0);
    if (!this.overBudget) return;
    // The full module reads plain data through JSON (read.js's plain_json), where an
    // undefined property is no value and costs nothing: at the limit, an input read
    // that way may fit where it does not value by value. Then it is that JSON's tree.
    const json = plain_json(value, this.maxDepth, this.maxNodes);
    if (json === undefined) return;
    // Written again from `start`: what the strings say of the words after it would be
    // false, and is forgotten.
    this.forgetStrings();
    this.textKeyCount = keys;
    this.at = start;
    this.nodes = 0;
    this.value(JSON.parse(json), 0);
  }

  tag(tag) {
    this.room(1);
    this.words[this.at++] = tag;
  }

  /** Past what one input may cost: `too_large`, and `put` looks again. */
  tooLarge() {
    this.overBudget = true;
    this.foreign(TOO_LARGE);
  }

  foreign(kind) {
    this.room(2);
    this.words[this.at++] = FOREIGN;
    this.words[this.at++] = kind;
  }

  /** A text: its length, then its UTF-16 units, two a word. */
  text(s) {
    const length = s.length;
    this.room(1 + ((length + 1) >>> 1));
    const words = this.words;
    let at = this.at;
    words[at++] = length;
    // Two units to a word, stored at once (little-endian, as wasm reads it): in
    // Chromium, 300 CJK characters take 142 ns instead of 366 a unit at a time.
    // Four units (two words) a turn first: in Node, the tape of a keystroke (a new
    // comment of 300 CJK characters) took 735-756 ns of CPU instead of 792-800.
    let i = 0;
    for (; i + 4 <= length; i += 4, at += 2) {
      words[at] = charCodeAt(s, i) | (charCodeAt(s, i + 1) << 16);
      words[at + 1] = charCodeAt(s, i + 2) | (charCodeAt(s, i + 3) << 16);
    }
    for (; i + 2 <= length; i += 2) words[at++] = charCodeAt(s, i) | (charCodeAt(s, i + 1) << 16);
    if (i < length) words[at++] = charCodeAt(s, i);
    this.at = at;
  }

  /** A short string that is ASCII, as UTF-8 (a byte a unit, which Rust borrows as it
   * is); false, with nothing written, for any other. Four units are packed into a word
   * and stored at once (little-endian, as wasm reads it): 27% faster than a byte at a
   * time, in Node and in Chromium. */
  ascii(s) {
    const length = s.length;
    this.room(2 + ((length + 3) >>> 2));
    const words = this.words;
    let at = this.at + 2;
    let i = 0;
    for (; i + 4 <= length; i += 4) {
      const a = charCodeAt(s, i), b = charCodeAt(s, i + 1), c = charCodeAt(s, i + 2), d = charCodeAt(s, i + 3);
      if ((a | b | c | d) >= 0x80) return false;
      words[at++] = a | (b << 8) | (c << 16) | (d << 24);
    }
    if (i < length) {
      let last = 0;
      for (let shift = 0; i < length; i++, shift += 8) {
        const c = charCodeAt(s, i);
        if (c >= 0x80) return false;
        last |= c << shift;
      }
      words[at++] = last;
    }
    words[this.at] = STRING_UTF8;
    words[this.at + 1] = length;
    this.at = at;
    return true;
  }

  /** A well-formed string as UTF-8: its length in bytes, then the bytes. */
  utf8(s) {
    // At most three bytes a unit; the tag and the length first.
    this.room(2 + Math.ceil((s.length * 3) / 4));
    this.words[this.at++] = STRING_UTF8;
    const lengthAt = this.at++;
    const { written } = encoder.encodeInto(s, this.bytes.subarray(this.at * 4));
    this.words[lengthAt] = written;
    this.at += (written + 3) >>> 2;
  }

  /** A string value. A portal validates one form again and again, with most of its
   * strings unchanged (a DOM field's value reads back as the same string until it is
   * edited), and the scratch area keeps the last tape: a string equal to the one the
   * last tape had at this very place (`===` compares contents, and how a string is
   * written depends on its contents alone) is there already, and is skipped rather
   * than copied again (copying was a third of writing a tape); a string of the input is
   * marked UNCHANGED too. Every word before this place has been written by this tape,
   * and nothing else writes the scratch area, so the words from here are still the
   * last tape's. That is what `strings` and beside must say, and no more: every path
   * that gives up words written (a rollback, a tape written again) forgets what they
   * say of those, for a string skipped there would be read (and, marked, its last
   * verdict taken) as what it is not. */
  string(x) {
    const k = this.stringCount++;
    const start = this.at;
    if (this.inScratch && this.stringStarts[k] === start && this.strings[k] === x) {
      // Marked unchanged in its tag (a string of the input): the wasm then takes the
      // verdict it found for it last time (crates/validate-wasm/src/verdicts.rs),
      // rather than check it again.
      this.words[start] = (this.words[start] & ~UNCHANGED) | this.mark;
      this.at = this.stringEnds[k];
      return;
    }
    // Looks ASCII: its first, middle and last units are (a guess, which only decides
    // how the text goes, never what it is).
    const length = x.length;
    if (
      length >= UTF8_FROM &&
      (charCodeAt(x, 0) | charCodeAt(x, length >>> 1) | charCodeAt(x, length - 1)) < 0x80 &&
      isWellFormed(x)
    ) {
      this.utf8(x);
    } else if (!this.ascii(x)) {
      this.tag(STRING);
      this.text(x);
    }
    // Kept only when written in the scratch area (a tape can move to a buffer of its
    // own as it grows); otherwise what was kept for this place is forgotten (and the
    // string not held).
    this.strings[k] = this.inScratch ? x : undefined;
    this.stringStarts[k] = this.inScratch ? start : -1;
    this.stringEnds[k] = this.at;
  }

  /** A key given as its text. A key no rule knows comes back in the same place each
   * time a portal validates its form again, as strings do (see `string`, whose record
   * of the last tape it shares, so that what it says stays in tape order): one that is
   * there already is skipped, not copied again. Its record's start is kept as `~start`,
   * below 0, so that it is never taken for a string's at the same place (their words
   * differ: a string's begin with a tag). */
  textKey(key) {
    const k = this.stringCount++;
    const start = this.at;
    if (this.inScratch && this.stringStarts[k] === ~start && this.strings[k] === key) {
      this.at = this.stringEnds[k];
      return;
    }
    this.text(key);
    this.strings[k] = this.inScratch ? key : undefined;
    this.stringStarts[k] = this.inScratch ? ~start : -1;
    this.stringEnds[k] = this.at;
  }

  /** A number's double, at `at` (the word after its tag). */
  number(n, at) {
    this.f64[0] = n;
    this.words[at] = this.f64Words[0];
    this.words[at + 1] = this.f64Words[1];
  }

  value(x, depth) {
    if (++this.nodes > this.maxNodes) return this.tooLarge();
    switch (typeof x) {
      case "undefined":
        return this.tag(UNDEFINED);
      case "boolean":
        return this.tag(x ? TRUE : FALSE);
      case "number": {
        this.room(3);
        if (x - x !== 0 || (Math.trunc(x) === x && Math.abs(x) <= MAX_SAFE)) {
          this.words[this.at++] = NUMBER;
          this.number(x, this.at);
          this.at += 2;
          return;
        }
        this.words[this.at++] = NUMBER_TEXT;
        this.number(x, this.at);
        this.at += 2;
        return this.text(String(x));
      }
      case "string":
        return this.string(x);
      case "function":
        return this.foreign(FUNCTION);
      case "symbol":
        return this.foreign(SYMBOL);
      case "bigint":
        return this.foreign(BIGINT);
      default:
        if (x === null) return this.tag(NULL);
        if (depth >= this.maxDepth) return this.foreign(TOO_DEEP);
        return this.object(x, depth);
    }
  }

  object(x, depth) {
    // read.js's answer: 1 an array, 2 an instance, 3 unreadable, else a plain object
    // (4: no prototype, 5: this realm's Object.prototype, 0: another realm's).
    const kind = tape_kind(x);
    if (kind === 2) return this.foreign(INSTANCE);
    if (kind === 3) return this.foreign(UNREADABLE);
    const budget = Math.max(0, this.maxNodes - this.nodes);
    if (kind === 1) return this.array(x, depth, budget);
    if ((kind === 4 || (kind === 5 && this.forIn)) && this.enumerated(x, depth, budget)) return;
    return this.plainObject(x, depth, budget);
  }

  array(x, depth, budget) {
    let length;
    try {
      length = x.length;
    } catch {
      return this.foreign(UNREADABLE);
    }
    length = typeof length === "number" ? length : 0;
    if (length > budget) return this.tooLarge();
    // As Rust's `length as u32`: whole part, NaN and below zero as 0.
    const count = length > 0 ? Math.floor(length) : 0;
    this.room(2);
    this.words[this.at++] = ARRAY;
    this.words[this.at++] = count;
    for (let i = 0; i < count; i++) this.member(x, i, depth);
  }

  /** `x[key]`, or `unreadable` when reading it throws (a getter, a proxy trap). */
  member(x, key, depth) {
    let item;
    try {
      item = x[key];
    } catch {
      return this.foreign(UNREADABLE);
    }
    this.value(item, depth + 1);
  }

  /** A plain object whose keys `for…in` lists as Object.keys does (nothing enumerable
   * inherited), written in one loop that reads each property where `for…in` found
   * it: in Node, a solution's tape took about 180 ns by Object.keys and 152 this way. False,
   * with nothing kept, for an object of `budget` keys or more, or one that `for…in`
   * threw on (a proxy's trap): `plainObject` then reads it, exactly as before. */
  enumerated(x, depth, budget) {
    // With no budget left, Object.keys's way marks even an empty object over budget.
    if (budget === 0) return false;
    const start = this.at, strings = this.stringCount, nodes = this.nodes, overBudget = this.overBudget;
    const keys = this.textKeyCount;
    this.room(3);
    this.words[this.at++] = OBJECT;
    const countAt = this.at++;
    this.words[this.at++] = 0;
    let count = 0;
    const seenKeys = depth < SEEN_DEPTH ? this.seenKeys[depth] : undefined;
    const seenNames = depth < SEEN_DEPTH ? this.seenNames[depth] : undefined;
    try {
      for (const key in x) {
        // As many keys as the budget: `plainObject` reads them, as it reads an object
        // whose Object.keys are that many.
        if (count + 1 >= budget) throw TOO_MANY_KEYS;
        // `key`'s first case, in the loop: the name found at this place last time.
        if (seenKeys !== undefined && count < SEEN_KEYS && seenKeys[count] === key && this.at < this.capacity) {
          this.words[this.at++] = NAME_KEY | seenNames[count++];
        } else this.key(key, count++, seenKeys, seenNames);
        // Read here, not through `member`: the engine reads `x[key]` straight from
        // where `for…in` found it only in the loop's own body.
        let item;
        try {
          item = x[key];
        } catch {
          this.foreign(UNREADABLE);
          continue;
        }
        // `value`'s commonest cases, in the loop: a string, and an object within the
        // limits (4 ns less a nested object, in Node).
        if (typeof item === "string" && this.nodes < this.maxNodes) {
          this.nodes++;
          this.string(item);
        } else if (typeof item === "object" && item !== null && this.nodes < this.maxNodes && depth + 1 < this.maxDepth) {
          this.nodes++;
          this.object(item, depth + 1);
        } else this.value(item, depth + 1);
      }
    } catch {
      // Nothing of this object is kept: not its words, nor what the strings say of
      // them (which would now be false), nor its text keys.
      this.at = start;
      this.textKeyCount = keys;
      this.nodes = nodes;
      this.overBudget = overBudget;
      this.forgetStrings(strings);
      return false;
    }
    // The words may have moved to a larger buffer meanwhile, at the same places.
    this.words[countAt] = count;
    return true;
  }

  plainObject(x, depth, budget) {
    let keys;
    let threw = false;
    let unread = 0;
    try {
      keys = objectKeys(x);
    } catch {
      threw = true;
    }
    // Object.keys asks the same proxy traps as read.js's own_keys (ownKeys, then each
    // key's descriptor) and lists the same keys; only past the budget does own_keys
    // differ, reading `budget` of them and counting the rest (the validator reports them).
    // When Object.keys threw, asked as the reader asks too: it asks only as many
    // descriptors as the budget reads, and a proxy whose trap throws past them is too
    // large there, not unreadable.
    if (threw || keys.length >= budget) {
      keys = own_keys(x, budget);
      if (keys === undefined) return this.foreign(UNREADABLE);
      unread = unread_keys();
      if (!threw || unread > 0 || keys.length >= budget) this.overBudget = true;
    }
    this.room(3);
    this.words[this.at++] = OBJECT;
    this.words[this.at++] = keys.length;
    this.words[this.at++] = unread;
    const seenKeys = depth < SEEN_DEPTH ? this.seenKeys[depth] : undefined;
    const seenNames = depth < SEEN_DEPTH ? this.seenNames[depth] : undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      this.key(key, i, seenKeys, seenNames);
      this.member(x, key, depth);
    }
  }

  /** The key at position `i` of an object. A portal validates objects of one shape
   * again and again, whose keys come back as the same strings in the same order: the
   * index found for the key at a position of the objects at that depth is kept (in
   * `seenKeys` and `seenNames`, none past SEEN_DEPTH), and a key that is that very
   * string again skips the lookup (which was a quarter of writing a solution's tape).
   * Only keys equal to a name of the table are kept (the caller's key string itself:
   * the table's copy, not the engine's interned one, would make each test compare
   * characters), so what is held is never more than the table's names. */
  key(key, i, seenKeys, seenNames) {
    const seen = seenKeys !== undefined && i < SEEN_KEYS;
    let name;
    if (seen && seenKeys[i] === key) name = seenNames[i];
    else {
      name = this.nameIndex.get(key);
      if (seen && name !== undefined) {
        seenKeys[i] = key;
        seenNames[i] = name;
      }
    }
    if (name === undefined) {
      this.textKeys[this.textKeyCount++] = key;
      this.textKey(key);
    } else {
      // A key the rules know: its index, not its text.
      this.room(1);
      this.words[this.at++] = NAME_KEY | name;
    }
  }
}
