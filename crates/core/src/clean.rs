//! Whether a request made of plain values, each field in its table's place, is
//! clean: whether the walk would find neither an error nor a warning in it. Nothing
//! is reported here. A reader that can lay a request out this way (the small wasm
//! module, from its tape) asks first, and builds and walks the request only when it
//! is not clean, so a valid request costs no tree. The same tables and the same
//! text and number checks decide as in the walk (`validate.rs`); a test compares
//! the two on generated requests.

use crate::prelude::*;
use crate::rules::{FieldRule, Kind, Operation, ParameterPresence, Presence, RULES};
use crate::text::{is_blank, is_printable, units_pass};
use crate::validate::{epoch_in_range, text_fits};

/// A field's value as a plain request holds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// Missing, `undefined` or `null`.
    Absent,
    /// A string (well-formed: a `&str` has no unpaired surrogate).
    Text(&'a str),
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
}

/// A value that [`passes`] its field's own rule, as [`tables_clean`] looks at it: only
/// whether it is there, and a boolean's or a number's value (what the rules of other
/// fields read). A text's content is checked once, by `passes`. Made only by
/// [`passes`] and [`passes_utf16`] (or [`Passed::ABSENT`]), so that `tables_clean` is
/// never given a value no rule checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Passed(Seen);

#[derive(Debug, Clone, Copy, PartialEq)]
enum Seen {
    /// Missing, `undefined` or `null`.
    Absent,
    /// A text that passes.
    Text,
    /// A boolean.
    Bool(bool),
    /// A number in the epoch range.
    Number(f64),
}

impl Passed {
    /// A field that is not there (missing, `undefined` or `null`): its rule's presence
    /// decides, in [`tables_clean`].
    pub const ABSENT: Passed = Passed(Seen::Absent);
}

/// Whether the request is clean. `root` holds the values of [`RULES`]' root fields in
/// table order; `operation` is the one `RULES.operation` found for the request's
/// `operate_key` (a string: any other `operate_key` is never clean); `parameter` is
/// `None` for a missing, `undefined` or `null` one, else the values of the
/// operation's fields in table order. The request has no key but these.
pub fn is_clean(root: &[Scalar], operation: &Operation, parameter: Option<&[Scalar]>) -> bool {
    let passed = |table: &[FieldRule], values: &[Scalar]| -> Option<Vec<Passed>> {
        (table.len() == values.len()).then_some(())?;
        let each = table.iter().zip(values);
        each.map(|(rule, value)| passes(rule, *value)).collect()
    };
    let Some(root) = passed(RULES.root, root) else {
        return false;
    };
    let parameter = match parameter.map(|values| passed(operation.fields, values)) {
        None => None,
        Some(None) => return false,
        Some(Some(values)) => Some(values),
    };
    tables_clean(&root, operation, parameter.as_deref())
}

/// A value as [`tables_clean`] looks at it, when it passes its field's own rule (its
/// type, and a text's blankness, characters and length, a number's range) as the walk
/// decides: what a reader asks of each value as it reads it, to stop at the first that
/// does not. An absent value passes here; [`tables_clean`] looks at it.
pub fn passes(rule: &FieldRule, value: Scalar) -> Option<Passed> {
    match (rule.kind, value) {
        (_, Scalar::Absent) => Some(Passed::ABSENT),
        (Kind::Text { max }, Scalar::Text(text)) => {
            (!is_blank(text) && text_fits(text, max, rule.trimmed)).then_some(Passed(Seen::Text))
        }
        (Kind::Bool, Scalar::Bool(b)) => Some(Passed(Seen::Bool(b))),
        (Kind::EpochMillis { .. }, Scalar::Number(n)) => {
            epoch_in_range(n).then_some(Passed(Seen::Number(n)))
        }
        _ => None,
    }
}

/// [`passes`] of a string value given as its UTF-8 bytes, when every byte is printable
/// ASCII or a space (0x20..=0x7E, nearly every text a form holds): such a text needs no
/// decoding nor UTF-8 check, holds no control character, is one UTF-16 unit a byte,
/// is blank only when all spaces, and trims only spaces. `None` when a byte is not:
/// then the text is checked as [`passes`] checks it (after a UTF-8 check). Looked at
/// eight bytes at a time, once, where the UTF-8 check and those of `passes` each take
/// a pass: a new acceptedIncident1's check in the small module took a fifth fewer
/// instructions (1,621 -> 1,285 natively, callgrind), a new commitSolution1's too.
pub fn printable_passes(rule: &FieldRule, bytes: &[u8]) -> Option<Option<Passed>> {
    if !is_printable(bytes) {
        return None;
    }
    let Kind::Text { max } = rule.kind else {
        return Some(None); // a text where the rule takes none
    };
    let start = bytes.iter().position(|&b| b != b' ');
    let Some(start) = start else {
        return Some(None); // blank (or empty)
    };
    let counted = if rule.trimmed {
        // The last byte that is not a space is at or after the first.
        let end = bytes.iter().rposition(|&b| b != b' ').unwrap_or(start);
        end + 1 - start
    } else {
        bytes.len()
    };
    Some((counted <= max as usize).then_some(Passed(Seen::Text)))
}

/// [`passes`] of a string value given as its UTF-16 code units, as JavaScript holds
/// it, little-endian in `units` (a last odd byte is no unit): the same checks, made on
/// the units, with nothing decoded.
pub fn passes_utf16(rule: &FieldRule, units: &[u8]) -> Option<Passed> {
    match rule.kind {
        Kind::Text { max } => units_pass(units, max, rule.trimmed).then_some(Passed(Seen::Text)),
        _ => None,
    }
}

/// [`is_clean`] of values that each [`passes`]: whether what one field says of another
/// holds (a field missing where it is required or recommended, a time before the one
/// it may not precede).
pub fn tables_clean(root: &[Passed], operation: &Operation, parameter: Option<&[Passed]>) -> bool {
    table_clean(RULES.root, root)
        && match parameter {
            None => operation.parameter == ParameterPresence::Optional,
            Some(values) => table_clean(operation.fields, values),
        }
}

/// [`tables_clean`] of one table's values.
fn table_clean(table: &[FieldRule], values: &[Passed]) -> bool {
    table.len() == values.len()
        && table
            .iter()
            .zip(values)
            .all(|(rule, value)| match (rule.presence, value.0) {
                (Presence::Required, Seen::Absent) => false,
                (Presence::RecommendedWhen(flag), Seen::Absent) => {
                    other(table, values, flag) != Seen::Bool(true)
                }
                (_, Seen::Number(n)) => match rule.kind {
                    // A time in range (it passed) not before a valid earlier one.
                    Kind::EpochMillis {
                        not_before: Some(key),
                    } => !matches!(other(table, values, key), Seen::Number(start) if n < start),
                    _ => true,
                },
                _ => true,
            })
}

/// The value of the field of `table` whose key is `key` (another field a rule names).
fn other(table: &[FieldRule], values: &[Passed], key: &str) -> Seen {
    let at = table.iter().position(|rule| rule.key == key);
    at.and_then(|at| values.get(at).map(|value| value.0))
        .unwrap_or(Seen::Absent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::OPERATIONS;
    use crate::{validate, Object, ValidateOptions, Value};

    /// Texts a field may get: fine ones, and each way a text fails (blank, spaces
    /// around it, a control character, too long for each limit, by units or not).
    const TEXTS: &[&str] = &[
        "IM20240101",
        "alice",
        "事件 😀 ok",
        "",
        "   ",
        "\u{3000}",
        " padded ",
        "tab\tand\nline",
        "bell\u{7}",
        "del\u{7f}",
        "c1\u{85}",
        "\u{feff}",
    ];

    /// One generated value: a text (one of [`TEXTS`], or a run of one character at
    /// about a limit), a boolean, a number about the epoch range, or absent.
    fn scalar(next: &mut impl FnMut() -> u64) -> Scalar<'static> {
        match next() % 10 {
            0..=3 => Scalar::Text(TEXTS[(next() % TEXTS.len() as u64) as usize]),
            4 => {
                let len = [254, 255, 256, 299, 300, 301, 10_000, 10_001][(next() % 8) as usize];
                let unit = ["x", "事", "😀"][(next() % 3) as usize];
                let text = unit.repeat(if unit == "😀" {
                    len / 2 + (next() % 2) as usize
                } else {
                    len
                });
                let padded = if next() % 4 == 0 {
                    format!(" {text} ")
                } else {
                    text
                };
                Scalar::Text(Box::leak(padded.into_boxed_str()))
            }
            5 | 6 => Scalar::Bool(next() % 2 == 0),
            7 | 8 => Scalar::Number(
                [
                    0.0,
                    -0.0,
                    -1.0,
                    1.5,
                    1_700_000_000_000.0,
                    1_700_000_000_001.0,
                    1_699_999_999_999.0,
                    MAX_SAFE,
                    MAX_SAFE + 1.0,
                    f64::NAN,
                    f64::INFINITY,
                ][(next() % 11) as usize],
            ),
            _ => Scalar::Absent,
        }
    }

    const MAX_SAFE: f64 = crate::MAX_SAFE_INTEGER;

    /// The tree of a value: an absent one is left out, or `undefined`, or `null`.
    fn put(object: &mut Object, key: &str, value: Scalar, next: &mut impl FnMut() -> u64) {
        let value = match value {
            Scalar::Absent => match next() % 3 {
                0 => return,
                1 => Value::Undefined,
                _ => Value::Null,
            },
            Scalar::Text(text) => Value::from(text),
            Scalar::Bool(b) => Value::from(b),
            Scalar::Number(n) => Value::from(n),
        };
        object.push(key, value);
    }

    /// `is_clean` says what the walk says, on requests of every operation made of
    /// generated values (each field's kind, often the right one, else any other), in
    /// the rules' order: clean exactly when the report has neither an error nor a
    /// warning.
    #[test]
    fn is_clean_says_what_the_walk_says() {
        let mut next = crate::xorshift(0x5eed_c1ea);
        let (mut clean, mut not) = (vec![0; OPERATIONS.len()], 0);
        for _ in 0..100_000 {
            let operation = &OPERATIONS[(next() % OPERATIONS.len() as u64) as usize];
            // Mostly a value of the field's own kind, so that clean requests are common.
            // Half the requests mostly fine values, so that every operation's clean
            // requests are common.
            let fine = next() % 2 == 0;
            let value_for = |rule: &FieldRule, next: &mut dyn FnMut() -> u64| loop {
                let mut next = || next();
                if fine && next() % 10 != 0 {
                    return match rule.kind {
                        Kind::Text { .. } => Scalar::Text(TEXTS[(next() % 3) as usize]),
                        Kind::Bool => Scalar::Bool(next() % 2 == 0),
                        Kind::EpochMillis { .. } => {
                            Scalar::Number(1_700_000_000_000.0 + (next() % 3) as f64)
                        }
                    };
                }
                let value = scalar(&mut next);
                let fits = matches!(
                    (rule.kind, value),
                    (Kind::Text { .. }, Scalar::Text(_))
                        | (Kind::Bool, Scalar::Bool(_))
                        | (Kind::EpochMillis { .. }, Scalar::Number(_))
                );
                if fits || next() % 4 == 0 {
                    return value;
                }
            };
            let root: Vec<Scalar> = RULES
                .root
                .iter()
                .map(|rule| value_for(rule, &mut next))
                .collect();
            let parameter: Option<Vec<Scalar>> = (next() % 8 != 0).then(|| {
                operation
                    .fields
                    .iter()
                    .map(|rule| value_for(rule, &mut next))
                    .collect()
            });
            let mut tree = Object::new();
            for (rule, value) in RULES.root.iter().zip(&root) {
                put(&mut tree, rule.key, *value, &mut next);
            }
            tree.push("operate_key", Value::from(operation.key));
            match &parameter {
                Some(values) => {
                    let mut object = Object::new();
                    for (rule, value) in operation.fields.iter().zip(values) {
                        put(&mut object, rule.key, *value, &mut next);
                    }
                    tree.push("parameter", Value::from(object));
                }
                None => put(&mut tree, "parameter", Scalar::Absent, &mut next),
            }
            let report = validate(&Value::from(tree), ValidateOptions::default());
            let walked = report.is_valid() && report.warnings.is_empty();
            let said = is_clean(&root, operation, parameter.as_deref());
            assert_eq!(
                said, walked,
                "{root:?} {} {parameter:?}: {report:?}",
                operation.key
            );
            if said {
                clean[OPERATIONS.iter().position(|op| op == operation).unwrap()] += 1;
            } else {
                not += 1;
            }
        }
        // Both answers, often: the test says something of each.
        assert!(
            clean.iter().all(|&n| n > 2_500) && not > 25_000,
            "{clean:?} clean, {not} not"
        );
    }

    /// Each value `passes` alone exactly when a request clean but for it is clean.
    #[test]
    fn passes_is_is_clean_of_one_value() {
        let mut next = crate::xorshift(7);
        let base = [Scalar::Text("IM1"), Scalar::Text("alice")];
        for _ in 0..20_000 {
            let value = scalar(&mut next);
            for (i, rule) in RULES.root.iter().enumerate() {
                let mut root = base;
                root[i] = value;
                let accept = &OPERATIONS[0];
                let clean = is_clean(&root, accept, None);
                assert_eq!(
                    passes(rule, value).is_some_and(|p| p != Passed::ABSENT),
                    clean,
                    "{value:?}"
                );
            }
        }
    }

    /// A text rule checked on UTF-16 units decides as on the decoded text, on texts of
    /// every unit that matters (whitespace of every kind, each control range and its
    /// edges, surrogates paired and not, CJK, ASCII), at about each limit, trimmed or not.
    #[test]
    fn passes_utf16_is_passes_on_the_units() {
        const UNITS: &[u16] = &[
            0x41, 0x7A, 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x00, 0x1F, 0x7E, 0x7F, 0x85, 0x9F,
            0xA0, 0x1680, 0x2000, 0x2028, 0x202F, 0x3000, 0xFEFF, 0x5B57, 0xD83D, 0xDE00, 0xD800,
            0xDFFF, 0xFFFD,
        ];
        let mut next = crate::xorshift(0x0075_7466);
        let mut both = [0usize; 2];
        for _ in 0..200_000 {
            let max = (next() % 6) as u32;
            let rule = text_rule(max, next() % 2 == 0);
            let len = (next() % 9) as usize;
            let units: Vec<u16> = (0..len)
                .map(|_| match next() % 4 {
                    0 => 0x61, // a plain unit one time in four, so that texts pass often
                    _ => UNITS[(next() % UNITS.len() as u64) as usize],
                })
                .collect();
            let said = passes_utf16(&rule, &le_bytes(&units));
            match String::from_utf16(&units) {
                Ok(text) => {
                    assert_eq!(
                        said,
                        passes(&rule, Scalar::Text(&text)),
                        "{units:x?} {rule:?}"
                    );
                    both[usize::from(said.is_some())] += 1;
                }
                // An unpaired surrogate: the walk reports it (`invalid_text`).
                Err(_) => assert_eq!(said, None, "{units:x?}"),
            }
        }
        assert!(both.iter().all(|&n| n > 20_000), "{both:?}");
    }

    /// A text of printable ASCII and spaces decides as [`passes`] decides on it, at
    /// about each limit, trimmed or not; any other byte (each control, DEL, tab, and
    /// every byte of a character beyond ASCII), at every place of texts up to three
    /// words long, leaves it to `passes`.
    #[test]
    fn printable_passes_is_passes_on_printable_texts() {
        let mut next = crate::xorshift(0x7072_696e);
        let mut both = [0usize; 2];
        for _ in 0..200_000 {
            let max = (next() % 12) as u32;
            let rule = text_rule(max, next() % 2 == 0);
            let text = crate::printable_text(&mut next, 13);
            let said = printable_passes(&rule, text.as_bytes());
            assert_eq!(
                said,
                Some(passes(&rule, Scalar::Text(&text))),
                "{text:?} {rule:?}"
            );
            both[usize::from(passes(&rule, Scalar::Text(&text)).is_some())] += 1;
        }
        assert!(both.iter().all(|&n| n > 20_000), "{both:?}");
        let rule = text_rule(100, true);
        for other in [
            "\u{0}", "\u{1F}", "\t", "\n", "\r", "\u{7F}", "\u{80}", "\u{85}", "é", "字", "😀",
        ] {
            for len in 0..24 {
                for at in 0..=len {
                    let text = format!("{}{other}{}", "a".repeat(at), "b".repeat(len - at));
                    assert_eq!(printable_passes(&rule, text.as_bytes()), None, "{text:?}");
                }
            }
        }
        // A boolean's rule takes no text, printable or not.
        let flag = FieldRule {
            kind: Kind::Bool,
            ..text_rule(1, false)
        };
        assert_eq!(printable_passes(&flag, b"true"), Some(None));
    }

    /// A required text field of at most `max` units.
    fn text_rule(max: u32, trimmed: bool) -> FieldRule {
        FieldRule {
            key: "t",
            kind: Kind::Text { max },
            presence: Presence::Required,
            trimmed,
            label: crate::rules::Label { en: "T", zh: "T" },
        }
    }

    /// [`passes`] of the text the units decode to; `None` for units that decode to none
    /// (a lone surrogate).
    fn passes_decoded(rule: &FieldRule, units: &[u16]) -> Option<Passed> {
        let text = String::from_utf16(units).ok()?;
        passes(rule, Scalar::Text(&text))
    }

    /// UTF-16 units as little-endian bytes, as the tape holds them.
    fn le_bytes(units: &[u16]) -> Vec<u8> {
        units.iter().flat_map(|unit| unit.to_le_bytes()).collect()
    }

    /// Texts of Chinese or Korean characters of every length to 40 units, with one unit
    /// of each kind (or a surrogate pair, two halves out of order, or a lone half) at
    /// every place, so that each lands at each place of the four units checked at once,
    /// and pairs cross from one four to the next: the units decide as the decoded text
    /// does; a last odd byte is no unit.
    #[test]
    fn passes_utf16_is_passes_at_every_place_of_long_texts() {
        const ODD: &[&[u16]] = &[
            &[0x09],
            &[0x0A],
            &[0x1F],
            &[0x20],
            &[0x41],
            &[0x7E],
            &[0x7F],
            &[0x85],
            &[0x9F],
            &[0xA0],
            &[0x3000],
            &[0xFEFF],
            &[0xD800],
            &[0xDBFF],
            &[0xDC00],
            &[0xDFFF],
            &[0xD83D, 0xDE00],
            &[0xD83D, 0xD83D],
            &[0xDE00, 0xD83D],
            &[0xD7FF],
            &[0xE000],
            &[0xFFFF],
        ];
        let mut checked = 0;
        // Chinese and Korean text: units below and above 0x8000, where the test of four
        // at once must not borrow from one unit into the next.
        for (len, filler) in (0..40usize).flat_map(|len| [(len, 0x5B57u16), (len, 0xAC00)]) {
            for at in 0..=len {
                for odd in ODD.iter().chain([&[][..]].iter()) {
                    let mut units = vec![filler; len];
                    units.splice(at..at, odd.iter().copied());
                    for (trimmed, max) in [(false, 30), (true, 30), (false, 1_000)] {
                        let rule = text_rule(max, trimmed);
                        let expected = passes_decoded(&rule, &units);
                        let mut bytes = le_bytes(&units);
                        assert_eq!(
                            passes_utf16(&rule, &bytes),
                            expected,
                            "{units:x?} {max} {trimmed}"
                        );
                        bytes.push(0xFF);
                        assert_eq!(
                            passes_utf16(&rule, &bytes),
                            expected,
                            "{units:x?} and an odd byte"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    /// Every UTF-16 unit, alone and between others (a letter, a space, a surrogate pair
    /// and lone halves), trimmed or not, with the limit just below and at the length:
    /// the units decide as the decoded text does, and a lone surrogate never passes.
    #[test]
    fn passes_utf16_is_passes_for_every_unit() {
        let before: [&[u16]; 3] = [&[], &[0x61], &[0xD83D]];
        let after: [&[u16]; 4] = [&[], &[0x20], &[0xDE00], &[0xD83D, 0xDE00]];
        for unit in 0..=u16::MAX {
            for (pre, post) in before
                .iter()
                .flat_map(|pre| after.iter().map(move |post| (pre, post)))
            {
                let units: Vec<u16> = pre
                    .iter()
                    .chain([&unit])
                    .chain(post.iter())
                    .copied()
                    .collect();
                for (trimmed, max) in [false, true].into_iter().flat_map(|trimmed| {
                    [units.len() - 1, units.len()].map(|max| (trimmed, max as u32))
                }) {
                    let rule = text_rule(max, trimmed);
                    let expected = passes_decoded(&rule, &units);
                    assert_eq!(
                        passes_utf16(&rule, &le_bytes(&units)),
                        expected,
                        "{units:x?} {max} {trimmed}"
                    );
                }
            }
        }
    }
}
