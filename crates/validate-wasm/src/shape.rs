//! The quick answer for a clean request. A portal's request is nearly always a plain
//! object whose keys are the rules' own, in the rules' order, with strings, booleans
//! and numbers for values. Such an input is read off the tape into its fields'
//! places, with no tree built: the core's [`passes`] checks each value as it is read,
//! and [`tables_clean`] what the fields say of each other, as the walk would (see
//! `coc_incident_core::internal::is_clean`). Only a clean one is answered here; any other input (a
//! key out of place, an unknown key, any other kind of value, a violation, a warning)
//! is read and walked as before, which makes its report. So every report still comes
//! from the walk, and a valid request costs neither a tree nor a walk.

use coc_incident_core::internal::{
    passes, passes_utf16, printable_passes, same_bytes, tables_clean, Passed, Scalar,
};
use coc_incident_core::{FieldRule, Operation, RULES};

use crate::names;
use crate::tape::{
    utf8, Tape, FALSE, NAME_KEY, NULL, NUMBER, OBJECT, STRING, STRING_UNCHANGED, STRING_UTF8,
    STRING_UTF8_UNCHANGED, TRUE, UNCHANGED, UNDEFINED,
};
use crate::verdicts::{Verdict, Verdicts};

/// The most fields a table has: the root's, or any operation's.
const MAX_FIELDS: usize = {
    let mut max = RULES.root.len();
    let mut i = 0;
    while i < RULES.operations.len() {
        if RULES.operations[i].fields.len() > max {
            max = RULES.operations[i].fields.len();
        }
        i += 1;
    }
    max
};

// Every string of a request laid out as the rules' tables has its verdict kept: the
// root's texts, the operate key and the fields of the largest `parameter`.
const _: () = assert!(MAX_FIELDS + MAX_FIELDS < crate::verdicts::MAX_STRINGS);

/// Where a call's options start on `tape`, when its input is laid out as the rules'
/// tables and is clean; `None` for any other input, which must be walked. Each value
/// is checked as it is read, so an invalid request is left at its first violation.
/// A string marked unchanged takes its verdict from `verdicts`, which keep this call's.
#[inline(never)]
pub fn clean_input(tape: &'static [u8], verdicts: &mut Verdicts) -> Option<usize> {
    let mut reader = Reader {
        base: tape.as_ptr() as usize,
        tape: Tape::new(tape),
        slots: [Passed::ABSENT; 2 * MAX_FIELDS],
        verdicts,
        strings: 0,
    };
    reader.verdicts.start();
    let mut operation = None;
    let mut parameter = false;
    // The root: its fields, then `operate_key` and `parameter` (`RULES.root_keys`).
    let count = object(&mut reader.tape)?;
    let mut next = 0;
    for _ in 0..count {
        let at = reader.entry(&names::ROOT_KEY_NAMES, RULES.root, 0, &mut next)?;
        if at == RULES.root.len() {
            // The operate key says how `parameter` is laid out, and comes before it.
            // Found as the walk finds it (`Rules::operation`), with its place.
            let index = reader.operation()?;
            operation = Some((index, RULES.operations.get(index)?));
        } else if at > RULES.root.len() {
            let (index, operation) = operation?;
            match reader.tape.word() {
                UNDEFINED | NULL => {}
                OBJECT => {
                    parameter = true;
                    let keys = names::field_key_names(index);
                    let mut next = 0;
                    for _ in 0..counted(&mut reader.tape)? {
                        reader.entry(keys, operation.fields, MAX_FIELDS, &mut next)?;
                    }
                }
                _ => return None,
            }
        }
    }
    let (_, operation) = operation?;
    // A guard: a tape cut short reads as zeros, which no clean input is made of, and
    // its options would not read either.
    if reader.tape.is_malformed() {
        return None;
    }
    let (root, fields) = reader.slots.split_at_checked(MAX_FIELDS)?;
    let parameter = parameter.then_some(fields.get(..operation.fields.len())?);
    let clean = tables_clean(root.get(..RULES.root.len())?, operation, parameter);
    clean.then_some(reader.tape.position())
}

/// The tape, and the values read from it into their places: the root's fields from
/// 0, `parameter`'s from [`MAX_FIELDS`]; the verdicts of the last call's strings and
/// this call's, of which `strings` so far.
struct Reader<'v> {
    tape: Tape,
    /// The tape's address: a string is known by where its record starts.
    base: usize,
    slots: [Passed; 2 * MAX_FIELDS],
    verdicts: &'v mut Verdicts,
    strings: usize,
}

impl Reader<'_> {
    /// An entry of an object laid out as `table` (whose keys' indexes are `keys`): its
    /// key's place at or after `next`, and its value into the slot at `base` plus that
    /// place when the place is a field's (a value that is not one is left unread).
    /// Inlined in both its loops: a new acceptedIncident1 took 7% fewer instructions
    /// natively (1,285 -> 1,194), a commitSolution1 4%, for 16 B gzipped.
    #[inline(always)]
    fn entry(
        &mut self,
        keys: &[u32],
        table: &'static [FieldRule],
        base: usize,
        next: &mut usize,
    ) -> Option<usize> {
        let at = key(&mut self.tape, keys, next)?;
        if let Some(rule) = table.get(at) {
            *self.slots.get_mut(base + at)? = self.slot(rule)?;
        }
        Some(at)
    }

    /// The value of `rule`'s field as the core's table check looks at it, when it is
    /// a scalar that passes the rule (see [`passes`]): a string, a boolean, a number
    /// that is a safe integer or not finite (another is never an epoch time), or absent.
    fn slot(&mut self, rule: &'static FieldRule) -> Option<Passed> {
        let start = self.tape.position();
        let scalar = match self.tape.word() {
            UNDEFINED | NULL => Scalar::Absent,
            FALSE => Scalar::Bool(false),
            TRUE => Scalar::Bool(true),
            NUMBER => Scalar::Number(self.tape.double()),
            tag @ (STRING | STRING_UTF8 | STRING_UNCHANGED | STRING_UTF8_UNCHANGED) => {
                let (n, at) = self.string(start);
                let utf16 = tag & !UNCHANGED == STRING;
                let kept = if tag & UNCHANGED != 0 {
                    self.verdicts.field(n, at, rule)
                } else {
                    None
                };
                let passed = match kept {
                    Some(passed) => {
                        // Its words are the ones checked then: passed over, not read.
                        if utf16 {
                            self.tape.units();
                        } else {
                            self.tape.utf8_bytes()?;
                        }
                        passed
                    }
                    None if utf16 => {
                        // Checked on its units, with nothing decoded (a tape cut short
                        // gives fewer units, and is found malformed at the end of
                        // `clean_input`).
                        passes_utf16(rule, self.tape.units())?
                    }
                    None => {
                        let bytes = self.tape.utf8_bytes()?;
                        match printable_passes(rule, bytes) {
                            Some(passed) => passed?,
                            None => passes(rule, Scalar::Text(utf8(bytes)?))?,
                        }
                    }
                };
                self.verdicts.keep(n, at, Verdict::Field(rule, passed));
                return Some(passed);
            }
            _ => return None,
        };
        passes(rule, scalar)
    }

    /// The place in the rules of the operation whose key the next value is, as the
    /// walk finds it (`Rules::operation`); `None` for a value that names none.
    fn operation(&mut self) -> Option<usize> {
        let start = self.tape.position();
        let tag = self.tape.word();
        if tag & !UNCHANGED != STRING_UTF8 {
            return None;
        }
        let (n, at) = self.string(start);
        let kept = if tag & UNCHANGED != 0 {
            self.verdicts.operation(n, at)
        } else {
            None
        };
        let index = match kept {
            Some(index) => {
                self.tape.utf8_bytes()?;
                index
            }
            None => {
                // Bytes equal to an operate key's are that key's UTF-8: compared as
                // they are, with no UTF-8 check first.
                let key = self.tape.utf8_bytes()?;
                let same = |op: &Operation| same_bytes(op.key.as_bytes(), key);
                RULES.operations.iter().position(same)?
            }
        };
        self.verdicts.keep(n, at, Verdict::Operation(index));
        Some(index)
    }

    /// A string whose tag was read at `start`: its place among this call's strings,
    /// and its address.
    fn string(&mut self, start: usize) -> (usize, usize) {
        let n = self.strings;
        self.strings += 1;
        (n, self.base.wrapping_add(start))
    }
}

/// An object's count, when it is a plain object with all its keys read.
fn object(tape: &mut Tape) -> Option<u32> {
    (tape.word() == OBJECT).then_some(())?;
    counted(tape)
}

/// The count and (none) unread keys of an object whose tag was read.
fn counted(tape: &mut Tape) -> Option<u32> {
    let count = tape.word();
    (tape.word() == 0).then_some(count)
}

/// The place in a table of the next key, which must be one of its names (`keys`:
/// their indexes in the names table) at or after `next`; `next` moves past it. Keys
/// so come in the rules' order, each once; a key sent as a text is no rule's.
fn key(tape: &mut Tape, keys: &[u32], next: &mut usize) -> Option<usize> {
    let word = tape.word();
    (word & NAME_KEY != 0).then_some(())?;
    let name = word & !NAME_KEY;
    let at = *next + keys.get(*next..)?.iter().position(|&key| key == name)?;
    *next = at + 1;
    Some(at)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answer::{validate, validate_walked, Status};
    use crate::tape::tests::Writer;
    use crate::tape::{ARRAY, FOREIGN, NUMBER_TEXT};
    use alloc::vec::Vec;
    use coc_incident_core::Kind;

    /// A seeded generator (xorshift64): the same tapes on every run.
    pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    /// Texts: fine ones and each way one fails, and lone surrogates.
    const TEXTS: &[&str] = &[
        "IM20240101",
        "alice",
        "Fixed it.",
        "事件 ok",
        "😀",
        "",
        "  ",
        " pad ",
        "a\tb",
        "bell\u{7}",
        "c1\u{85}",
        "\u{feff}x",
        "inc_type_p_config_issues",
    ];

    /// Writes one value, as tape.js may: a string as UTF-8 (when ASCII, or at random
    /// for any other) or as UTF-16 (lone surrogates too), a number as a double or with
    /// its text, and now and then a value no field takes.
    fn value(w: &mut Writer, next: &mut dyn FnMut() -> u64, good: Option<Kind>) {
        // For a request that is mostly fine, a fine value of the field's kind.
        match good {
            Some(Kind::Text { .. }) if next() % 8 != 0 => {
                let text = ["IM1", "alice", "Fixed it.", "事件"][(next() % 4) as usize];
                return string(w, text, next);
            }
            Some(Kind::Bool) if next() % 8 != 0 => {
                w.word([FALSE, TRUE][(next() % 2) as usize]);
                return;
            }
            Some(Kind::EpochMillis { .. }) if next() % 8 != 0 => {
                w.number(1.7e12 + (next() % 3) as f64);
                return;
            }
            _ => {}
        }
        let pick = if good.is_some() {
            next() % 6
        } else {
            next() % 12
        };
        match pick {
            0..=2 => {
                let text = if next() % 9 == 0 {
                    let unit = ["x", "事"][(next() % 2) as usize];
                    unit.repeat([255, 256, 300, 301, 10_000, 10_001][(next() % 6) as usize])
                } else {
                    TEXTS[(next() % TEXTS.len() as u64) as usize].into()
                };
                string(w, &text, next);
            }
            3 => {
                w.word([FALSE, TRUE][(next() % 2) as usize]);
            }
            4 | 5 => {
                let n = [
                    0.0,
                    -0.0,
                    1.7e12,
                    1.7e12 + 1.0,
                    1.7e12 - 1.0,
                    -1.0,
                    9_007_199_254_740_991.0,
                ][(next() % 7) as usize];
                w.number(n);
            }
            6 => {
                w.word([UNDEFINED, NULL][(next() % 2) as usize]);
            }
            7 => {
                // A number that is not a safe integer, as JavaScript writes it.
                let (n, text) = [(1.5, "1.5"), (9_007_199_254_740_992.0, "9007199254740992")]
                    [(next() % 2) as usize];
                w.word(NUMBER_TEXT);
                w.0.extend_from_slice(&f64::to_le_bytes(n));
                let units: Vec<u16> = text.encode_utf16().collect();
                w.text(&units);
            }
            8 => {
                // A lone surrogate.
                w.word(STRING).text(&[0x61, 0xD800, 0x62]);
            }
            9 => {
                w.word(ARRAY).word(1).word(TRUE);
            }
            10 => {
                w.word(OBJECT).word(0).word(0);
            }
            _ => {
                w.word(FOREIGN).word((next() % 7) as u32);
            }
        }
    }

    fn string(w: &mut Writer, text: &str, next: &mut dyn FnMut() -> u64) {
        if text.is_ascii() || next() % 2 == 0 {
            w.utf8(text);
        } else {
            w.string(text);
        }
    }

    /// A key, by its index in the names table (as tape.js sends a name of it) or,
    /// now and then, as a text.
    fn key(w: &mut Writer, key: &str, next: &mut dyn FnMut() -> u64) {
        match names::index(key) {
            Some(index) if next() % 16 != 0 => {
                w.word(NAME_KEY | index as u32);
            }
            _ => {
                w.key(key);
            }
        }
    }

    /// An object's entries, mostly in the given order, now and then with one left out,
    /// two swapped, an unknown one added, one twice or keys counted as unread.
    fn object(
        w: &mut Writer,
        keys: &[&'static str],
        next: &mut dyn FnMut() -> u64,
        mut entry: impl FnMut(&mut Writer, &'static str, &mut dyn FnMut() -> u64),
    ) {
        let mut keys = keys.to_vec();
        match next() % 12 {
            0 if !keys.is_empty() => {
                keys.remove((next() % keys.len() as u64) as usize);
            }
            1 if keys.len() > 1 => {
                let at = (next() % (keys.len() as u64 - 1)) as usize;
                keys.swap(at, at + 1);
            }
            2 => keys.insert(
                (next() % (keys.len() as u64 + 1)) as usize,
                "virtual_confirm_coment",
            ),
            // A key twice (no JavaScript object, but a tape may say so): right after
            // itself, in the rules' order, or at the end.
            3 if !keys.is_empty() => {
                let at = (next() % keys.len() as u64) as usize;
                keys.insert(at + 1, keys[at]);
            }
            4 => keys.push("operator"),
            _ => {}
        }
        let unread = u32::from(next() % 40 == 0);
        w.word(OBJECT).word(keys.len() as u32).word(unread);
        for k in keys {
            key(w, k, next);
            entry(w, k, next);
        }
    }

    /// The options: none (nearly always; undefined or null), or an object of one right
    /// or wrong option.
    fn options(w: &mut Writer, next: &mut dyn FnMut() -> u64) {
        match next() % 8 {
            3 => {
                w.word(NULL);
            }
            // Options that are no object: a config error.
            4 if next() % 4 == 0 => {
                w.word(FALSE);
            }
            0 => {
                w.word(OBJECT).word(1).word(0);
                key(w, "locale", next);
                string(w, "zh-CN", next);
            }
            1 => {
                w.word(OBJECT).word(1).word(0);
                key(w, "allowUnknownFields", next);
                w.word(TRUE);
            }
            2 => {
                w.word(OBJECT).word(1).word(0);
                key(w, "locale", next);
                w.number(5.0);
            }
            _ => {
                w.word(UNDEFINED);
            }
        }
    }

    /// A generated tape: a request of any operation, mostly fine, in every way a
    /// tape may lay it out.
    pub(crate) fn request(next: &mut dyn FnMut() -> u64) -> (&'static [u8], usize) {
        let mut w = Writer::default();
        let good = next() % 2 == 0;
        let index = (next() % RULES.operations.len() as u64) as usize;
        let operation = &RULES.operations[index];
        // The kind of a field of this request, for a request that is mostly fine.
        let kind = |key: &str| {
            let mut rules = RULES.root.iter().chain(operation.fields);
            rules
                .find(|rule| rule.key == key)
                .filter(|_| good)
                .map(|rule| rule.kind)
        };
        object(&mut w, RULES.root_keys, next, |w, key, next| {
            if key == "operate_key" {
                match next() % 10 {
                    0 => string(w, "confirn", next),
                    1 => value(w, next, None),
                    _ => string(w, operation.key, next),
                }
            } else if key == "parameter" {
                match next() % 10 {
                    0 => value(w, next, None),
                    _ => {
                        let fields: Vec<_> = operation.fields.iter().map(|rule| rule.key).collect();
                        object(w, &fields, next, |w, key, next| value(w, next, kind(key)))
                    }
                }
            } else {
                value(w, next, kind(key))
            }
        });
        options(&mut w, next);
        (w.0.leak(), index)
    }

    /// The quick answer and the walk's are the same, whole (status, numbers, text), on
    /// generated tapes; and the quick one answers many of each operation's.
    #[test]
    fn answers_as_the_walk_does() {
        let mut next = xorshift(0x5EED_C1EA);
        let mut quick = [0; 3];
        let total = 100_000;
        for i in 0..total {
            let (tape, operation) = request(&mut next);
            let (status, answer) = validate(tape, &mut Verdicts::new());
            let (walked_status, walked) = validate_walked(tape);
            assert_eq!(
                (status, &answer.numbers, &answer.text, answer.units),
                (walked_status, &walked.numbers, &walked.text, walked.units),
                "tape {i}: {tape:?}"
            );
            quick[operation] += usize::from(clean_input(tape, &mut Verdicts::new()).is_some());
        }
        // About 4,400 acceptedIncident1, 800 commitSolution1 and 2,300 confirm.
        assert!(
            quick.iter().all(|&n| n > 400),
            "answered quickly: {quick:?}"
        );
    }

    /// A value of a hand-written request.
    #[derive(Clone, Copy)]
    enum V {
        Str(&'static str),
        /// A string as UTF-16 (as a browser sends a short one that is not ASCII).
        Utf16(&'static str),
        Bool(bool),
        Num(f64),
        Undefined,
        Null,
        Obj(&'static [(&'static str, V)]),
    }

    /// A key by its index in the names table, as tape.js sends a name of it; as a text
    /// when it is none.
    fn name_key(w: &mut Writer, key: &str) {
        match names::index(key) {
            Some(index) => w.word(NAME_KEY | index as u32),
            None => w.key(key),
        };
    }

    /// Writes `value`, its keys as tape.js does.
    fn put(w: &mut Writer, value: &V) {
        match value {
            V::Str(text) => {
                w.utf8(text);
            }
            V::Utf16(text) => {
                w.string(text);
            }
            V::Bool(b) => {
                w.word(if *b { TRUE } else { FALSE });
            }
            V::Num(n) => {
                w.number(*n);
            }
            V::Undefined => {
                w.word(UNDEFINED);
            }
            V::Null => {
                w.word(NULL);
            }
            V::Obj(entries) => {
                w.word(OBJECT).word(entries.len() as u32).word(0);
                for (key, value) in *entries {
                    name_key(w, key);
                    put(w, value);
                }
            }
        }
    }

    use V::{Bool, Null, Num, Obj, Str, Undefined, Utf16};

    const WHO: [(&str, V); 2] = [("incident_num", Str("IM1")), ("operator", Str("alice"))];

    /// The request of `WHO`, an operate key and these root entries after it.
    fn with(
        operate_key: &'static str,
        rest: &'static [(&'static str, V)],
    ) -> Vec<(&'static str, V)> {
        let mut entries: Vec<_> = WHO.into_iter().collect();
        entries.push(("operate_key", Str(operate_key)));
        entries.extend_from_slice(rest);
        entries
    }

    /// Hand-written requests at the rules' edges: each answered as the walk answers it,
    /// and quickly exactly when it is clean and laid out as the rules are.
    #[test]
    fn hand_written_requests() {
        const SOLUTION: &[(&str, V)] = &[
            ("mtm_type", Str("inc_type_p_config_issues")),
            ("is_service_interrupt", Bool(true)),
            ("cause", Str("disk full")),
            ("solution", Str("rotated logs")),
            ("start_time", Num(1_700_000_000_000.0)),
            ("fault_recovery_time", Num(1_700_000_000_000.0)),
        ];
        const CONFIRM: &[(&str, V)] = &[
            ("virtual_confirm_result", Bool(true)),
            ("virtual_confirm_comment", Str("ok")),
        ];
        let clean = Status::Clean;
        // Each: its name, the root's entries, the options, the status, answered quickly.
        type Case = (&'static str, Vec<(&'static str, V)>, V, Status, bool);
        let cases: Vec<Case> = vec![
            (
                "accept",
                with("acceptedIncident1", &[]),
                Undefined,
                clean,
                true,
            ),
            (
                "accept, parameter null",
                with("acceptedIncident1", &[("parameter", Null)]),
                Undefined,
                clean,
                true,
            ),
            (
                "accept, parameter {}",
                with("acceptedIncident1", &[("parameter", Obj(&[]))]),
                Undefined,
                clean,
                true,
            ),
            (
                "confirm",
                with("confirm", &[("parameter", Obj(CONFIRM))]),
                Undefined,
                clean,
                true,
            ),
            (
                "confirm, a CJK comment as UTF-16",
                with(
                    "confirm",
                    &[(
                        "parameter",
                        Obj(&[
                            ("virtual_confirm_result", Bool(false)),
                            ("virtual_confirm_comment", Utf16("已恢复 😀")),
                        ]),
                    )],
                ),
                Undefined,
                clean,
                true,
            ),
            (
                "confirm, no parameter",
                with("confirm", &[]),
                Undefined,
                Status::Report,
                false,
            ),
            (
                "solution, times equal",
                with("commitSolution1", &[("parameter", Obj(SOLUTION))]),
                Undefined,
                clean,
                true,
            ),
            (
                "solution, recovered before the start",
                with(
                    "commitSolution1",
                    &[(
                        "parameter",
                        Obj(&[
                            ("mtm_type", Str("x")),
                            ("is_service_interrupt", Bool(true)),
                            ("cause", Str("c")),
                            ("solution", Str("s")),
                            ("start_time", Num(2.0)),
                            ("fault_recovery_time", Num(1.0)),
                        ]),
                    )],
                ),
                Undefined,
                Status::Report,
                false,
            ),
            (
                "solution, interrupted with no times: a warning",
                with(
                    "commitSolution1",
                    &[(
                        "parameter",
                        Obj(&[
                            ("mtm_type", Str("x")),
                            ("is_service_interrupt", Bool(true)),
                            ("cause", Str("c")),
                            ("solution", Str("s")),
                            ("start_time", Null),
                        ]),
                    )],
                ),
                Undefined,
                Status::Report,
                false,
            ),
            (
                "solution, not interrupted, no times, -0",
                with(
                    "commitSolution1",
                    &[(
                        "parameter",
                        Obj(&[
                            ("mtm_type", Str("x")),
                            ("is_service_interrupt", Bool(false)),
                            ("cause", Str("c")),
                            ("solution", Str("s")),
                            ("start_time", Num(-0.0)),
                            ("fault_recovery_time", Num(0.0)),
                        ]),
                    )],
                ),
                Undefined,
                clean,
                true,
            ),
            (
                "a key twice in order, undefined first",
                vec![
                    ("incident_num", Undefined),
                    ("incident_num", Str("IM1")),
                    ("operator", Str("a")),
                    ("operate_key", Str("acceptedIncident1")),
                ],
                Undefined,
                Status::Report,
                false,
            ),
            (
                "the operate key as UTF-16",
                vec![
                    ("incident_num", Str("IM1")),
                    ("operator", Str("a")),
                    ("operate_key", Utf16("acceptedIncident1")),
                ],
                Undefined,
                clean,
                false,
            ),
            (
                "a trimmed root text",
                vec![
                    ("incident_num", Str(" IM1 ")),
                    ("operator", Utf16("\u{3000}张三")),
                    ("operate_key", Str("acceptedIncident1")),
                ],
                Undefined,
                clean,
                true,
            ),
            (
                "a blank root text",
                vec![
                    ("incident_num", Utf16("\u{3000}")),
                    ("operator", Str("a")),
                    ("operate_key", Str("acceptedIncident1")),
                ],
                Undefined,
                Status::Report,
                false,
            ),
            (
                "an unknown key, allowed",
                with(
                    "confirm",
                    &[(
                        "parameter",
                        Obj(&[
                            ("virtual_confirm_result", Bool(true)),
                            ("virtual_confirm_comment", Str("ok")),
                            ("virtual_confirm_coment", Str("x")),
                        ]),
                    )],
                ),
                Obj(&[("allowUnknownFields", Bool(true))]),
                Status::Report,
                false,
            ),
            (
                "in Chinese",
                with("confirm", &[("parameter", Obj(CONFIRM))]),
                Obj(&[("locale", Str("zh-CN"))]),
                clean,
                true,
            ),
            (
                "a wrong option",
                with("confirm", &[("parameter", Obj(CONFIRM))]),
                Obj(&[("locale", Num(5.0))]),
                Status::Config,
                true,
            ),
        ];
        for (name, entries, options, status, quick) in cases {
            let mut w = Writer::default();
            w.word(OBJECT).word(entries.len() as u32).word(0);
            for (key, value) in &entries {
                name_key(&mut w, key);
                put(&mut w, value);
            }
            put(&mut w, &options);
            let tape: &'static [u8] = w.0.leak();
            let (said, answer) = validate(tape, &mut Verdicts::new());
            let (walked_status, walked) = validate_walked(tape);
            assert_eq!(said, status, "{name}");
            assert_eq!(
                (said, &answer.numbers, &answer.text),
                (walked_status, &walked.numbers, &walked.text),
                "{name}"
            );
            assert_eq!(
                clean_input(tape, &mut Verdicts::new()).is_some(),
                quick,
                "{name}"
            );
        }
    }
}
