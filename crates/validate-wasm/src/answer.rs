//! What a call answers, as JavaScript reads it back (`src/validate/index.js`): a
//! [`Status`], and an [`Answer`] of numbers (f64) and one text, as UTF-8, that numbers
//! point into as (offset, length) pairs counted in UTF-16 code units: JavaScript
//! decodes it once (UTF-8 is what every engine decodes fastest: in Node, 63 ns for a
//! 309-character report against 295 ns as UTF-16) and slices the string it gets.
//!
//! After the status, the numbers are:
//! - [`Status::Clean`]: nothing (valid, no warnings: the common answer, made in JS);
//! - [`Status::Report`]: 1 when valid (only warnings) else 0, the error count, the
//!   warning count, then the violations;
//! - [`Status::Invalid`]: the summary's template, how many errors follow the first
//!   (its `{more}`), the error count, the warning count, then the violations (a
//!   `ValidationError`);
//! - [`Status::Built`]: the URL text, the header count and each name and value text,
//!   the warning count, the warnings, then the body's offset: the body is the rest of
//!   the text, so its length is never counted (a pass over each of its bytes);
//! - [`Status::Config`]: the option's name text and the message text (a `ConfigError`);
//! - [`Status::Malformed`]: nothing (a tape the package's JavaScript never writes).
//!
//! A violation is its code's index (codes stand first in the names table), its path
//! (see `Answer::path`: nearly always names and keys by their places, not a text),
//! its message's template (see [`Template`]: JavaScript renders the message from the
//! templates it got at start, so no message is written here, nor decoded there), the
//! labels of its field and of the field it refers to, its params count, then each
//! param: its key's name index, a kind ([`NUMBER`], [`NAME`], [`NAMES`], [`TEXT`]) and
//! two numbers.

use alloc::string::String;
use alloc::vec::Vec;
use core::mem::ManuallyDrop;

use coc_incident_core::internal::{code_index, find_byte, params, Key, Param, Template};
use coc_incident_core::{
    check, read_build_options, read_validate_options, utf16_len, write_body, ConfigError, Envelope,
    Label, Locale, Path, Problem, Report, ValidateOptions, Value, Violation,
};

use crate::memo::{self, Memo};
use crate::shape;
use crate::tape::{self, read_call, read_value, Call, TextKeys};
use crate::verdicts::Verdicts;
use crate::{labels, names};

/// A param that is a number: the number, then 0.
pub const NUMBER: f64 = 0.0;
/// A param that is a name: its index, then 0.
pub const NAME: f64 = 1.0;
/// A param that is a list of names: the index of the first, then how many.
pub const NAMES: f64 = 2.0;
/// A param that is some other text: its offset and length.
pub const TEXT: f64 = 3.0;

/// What a call ended in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Status {
    /// Valid, and nothing to warn of.
    Clean = 0,
    /// A report with errors or warnings.
    Report = 1,
    /// The options are wrong.
    Config = 2,
    /// `build`: the input is invalid.
    Invalid = 3,
    /// `build`: the request.
    Built = 4,
    /// The tape does not read.
    Malformed = 5,
}

/// The numbers and the text of an answer.
#[derive(Debug, Default, PartialEq)]
pub struct Answer {
    /// Counts, indices, figures and (offset, length) pairs into `text`.
    pub numbers: Vec<f64>,
    /// Every text of the answer, one after the other, as UTF-8.
    pub text: String,
    /// How long `text` is in UTF-16 code units, which is what offsets count (but for
    /// a built request's body, written last and never counted).
    pub units: usize,
    /// The keys the tape gave as texts, which a path names by their place.
    keys: TextKeys,
    /// How many more UTF-16 units `key` may compare in this answer.
    key_budget: usize,
}

/// What `Answer::key` may compare in one answer: far more than any report of a
/// plausible input needs (a report lists at most 200 violations).
const KEY_BUDGET: usize = 1 << 16;

impl Answer {
    fn number(&mut self, n: f64) {
        self.numbers.push(n);
    }

    fn count(&mut self, n: usize) {
        self.numbers.push(n as f64);
    }

    /// A count written where a place was kept for it, once what it counts is written.
    fn count_into(&mut self, at: usize, n: usize) {
        if let Some(slot) = self.numbers.get_mut(at) {
            *slot = n as f64;
        }
    }

    fn text(&mut self, text: &str) {
        self.text.push_str(text);
        self.numbered(utf16_len(text));
    }

    /// Numbers the text just written, `units` long: its offset and length.
    fn numbered(&mut self, units: usize) {
        self.count(self.units);
        self.count(units);
        self.units += units;
    }

    /// A text of its own, with no offset and length (the names table).
    pub fn raw_text(&mut self, text: &str) {
        self.text.push_str(text);
    }

    fn config(&mut self, error: &ConfigError) -> Status {
        self.text(error.option);
        self.text(&error.message);
        Status::Config
    }

    fn violations(&mut self, list: &[Violation]) {
        for violation in list {
            // Codes stand first in the names table, in their own order.
            self.count(code_index(&violation.problem));
            self.path(&violation.path);
            self.template(Template::of(&violation.problem), violation.locale());
            let labels = violation.labels();
            self.label(labels.field);
            self.label(labels.other);
            self.problem(&violation.problem);
        }
    }

    /// A path: when each of its dotted parts is a name of the table (nearly always) or
    /// a key the tape gave as a text (a key no rule knows), how many, then each one's
    /// index, or for a key -1 less its place among those keys: JavaScript, which
    /// keeps those keys, then has no text to decode. Else -1 and the path's text.
    /// Exact either way: a path made of such parts is their join. A path the core
    /// keeps as its parts (nearly every one) is not written as a text to be split here.
    fn path(&mut self, path: &Path) {
        let Some((parent, last)) = path.parts() else {
            return self.written_path(&path.to_text());
        };
        let parent = match parent {
            None => Some(None),
            Some(parent) => names::index(parent).map(Some),
        };
        let last = self.part(last);
        let (Some(parent), Some(last)) = (parent, last) else {
            return self.text_path(&path.to_text());
        };
        match parent {
            None => self.numbers.extend_from_slice(&[1.0, last]),
            Some(parent) => self.numbers.extend_from_slice(&[2.0, parent as f64, last]),
        }
    }

    /// [`Answer::path`] of a path's text: split at each `.`.
    fn written_path(&mut self, path: &str) {
        let count_at = self.numbers.len();
        self.number(0.0);
        let mut start = 0;
        while !path.is_empty() {
            let after = path.as_bytes().get(start..).unwrap_or_default();
            let end = find_byte(after, b'.').map_or(path.len(), |e| start + e);
            // An empty part (a path that starts or ends with a `.`, or holds `..`) is no name.
            let part = path.get(start..end).unwrap_or_default();
            let Some(index) = self.part(part) else {
                self.numbers.truncate(count_at);
                return self.text_path(path);
            };
            self.number(index);
            if end == path.len() {
                break;
            }
            start = end + 1;
        }
        self.count_into(count_at, self.numbers.len() - count_at - 1);
    }

    /// A path's part: a name's index, or -1 less a text key's place.
    fn part(&mut self, part: &str) -> Option<f64> {
        names::index(part)
            .map(|i| i as f64)
            .or_else(|| self.key(part))
    }

    /// A path that goes as its text: -1, then the text.
    fn text_path(&mut self, path: &str) {
        self.number(-1.0);
        self.text(path);
    }

    /// -1 less the place of `part` among the tape's text keys, if it is one of them
    /// and found within the answer's budget of compared units (else the path goes
    /// as a text, which is exact too: a hostile input cannot make this quadratic).
    fn key(&mut self, part: &str) -> Option<f64> {
        if part.is_empty() {
            return None;
        }
        let units = utf16_len(part);
        for (place, key) in self.keys.iter().enumerate() {
            if key.len() == 2 * units {
                self.key_budget = self.key_budget.checked_sub(units)?;
                let mut key = key
                    .chunks_exact(2)
                    .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
                if part.encode_utf16().all(|unit| key.next() == Some(unit)) {
                    return Some(-1.0 - place as f64);
                }
            }
        }
        None
    }

    /// A message's template, in a locale: its place in the table of texts that
    /// JavaScript got at start (two a template, English then Chinese).
    fn template(&mut self, template: Template, locale: Locale) {
        self.count(template as usize * 2 + usize::from(locale == Locale::ZhCn));
    }

    /// A label by its index, -1 for none, or (a label the rules do not hold) -2 and
    /// its two texts.
    fn label(&mut self, label: Option<Label>) {
        match label.map(|label| (labels::label_index(&label), label)) {
            None => self.number(-1.0),
            Some((Some(index), _)) => self.count(index),
            Some((None, label)) => {
                self.number(-2.0);
                self.text(label.en);
                self.text(label.zh);
            }
        }
    }

    fn report(&mut self, report: &Report) {
        // Room for a usual violation's numbers up front. A report rarely has text (a
        // path with a quoted key), so none is reserved.
        let violations = report.errors.len() + report.warnings.len();
        self.numbers.reserve(4 + 16 * violations);
        self.count(report.errors.len());
        self.count(report.warnings.len());
        self.violations(&report.errors);
        self.violations(&report.warnings);
    }

    /// A param: its key by its index in the names table, its kind and two numbers.
    fn param(&mut self, key: Key, kind: f64, a: f64, b: f64) {
        let key = names::param_key(key) as f64;
        self.numbers.extend_from_slice(&[key, kind, a, b]);
    }

    fn word(&mut self, key: Key, word: &str) {
        match names::index(word) {
            Some(index) => self.param(key, NAME, index as f64, 0.0),
            // Not a name of the table: the key, the kind, then the text's offset and
            // length in place of the two numbers.
            None => {
                let key = names::param_key(key) as f64;
                self.numbers.extend_from_slice(&[key, TEXT]);
                self.text(word);
            }
        }
    }

    /// The params of a problem, in the order the JSON report writes them.
    fn problem(&mut self, problem: &Problem) {
        // The count goes first; the params are made once, counted as they are written.
        let count_at = self.numbers.len();
        self.number(0.0);
        let mut written: usize = 0;
        for (key, param) in params(problem) {
            written += 1;
            match param {
                Param::Word(word) => self.word(key, word),
                Param::Count(n) => self.param(key, NUMBER, n as f64, 0.0),
                // As JSON carries them (the report of the full module crosses as JSON): -0 is 0.
                Param::Bound(bound) => self.param(key, NUMBER, bound + 0.0, 0.0),
                Param::Number(n) => self.param(key, NUMBER, n.value() + 0.0, 0.0),
                Param::Words(words) => match names::index_of_list(words) {
                    Some(first) => self.param(key, NAMES, first as f64, words.len() as f64),
                    // Not the rules' own list: each name as a text, after its count.
                    None => {
                        self.param(key, TEXT, -1.0, words.len() as f64);
                        for word in words {
                            self.text(word);
                        }
                    }
                },
            }
        }
        self.count_into(count_at, written);
    }
}

/// What a call makes (the tape's values, a report), dropped by the arena rather than
/// piece by piece on wasm32: the next call rewinds the arena, which frees all of it
/// at once, so walking a tree to drop each node would be a tenth of a valid request's
/// time spent on nothing (and even an empty list costs a call to drop).
struct Kept<T>(ManuallyDrop<T>);

impl<T> Kept<T> {
    fn new(value: T) -> Self {
        Kept(ManuallyDrop::new(value))
    }
}

impl<T> core::ops::Deref for Kept<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Drop for Kept<T> {
    fn drop(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        // SAFETY: dropped once, here; nothing uses the value after.
        unsafe {
            ManuallyDrop::drop(&mut self.0)
        }
    }
}

/// The tape's call (its options left unread when `known` knew their bytes: see
/// [`read_call`]); its keys given as texts go to the answer.
fn read(
    tape: &'static [u8],
    answer: &mut Answer,
    known: impl FnOnce(&'static [u8]) -> bool,
) -> Option<Kept<Call>> {
    let mut call = read_call(tape, known).ok()?;
    answer.keys = core::mem::take(&mut call.keys);
    answer.key_budget = KEY_BUDGET;
    Some(Kept::new(call))
}

/// `validateHandleRequest` on a tape; `verdicts` are the last call's, for the strings
/// the tape marks unchanged, and become this call's (see [`Verdicts`]). A tape that is
/// the one kept, the last one answered clean, byte for byte, is clean again, and is
/// not read: the verdicts are then left as reading it would leave them.
pub fn validate(tape: &'static [u8], verdicts: &mut Verdicts) -> (Status, Answer) {
    if verdicts.repeats(tape) {
        return (Status::Clean, Answer::default());
    }
    let (status, answer) = validate_as(tape, |tape| shape::clean_input(tape, verdicts));
    if status == Status::Clean {
        verdicts.answered_clean(tape);
    }
    (status, answer)
}

/// [`validate`], asking `clean_input` where a clean input ends (its options start).
fn validate_as(
    tape: &'static [u8],
    clean_input: impl FnOnce(&'static [u8]) -> Option<usize>,
) -> (Status, Answer) {
    let mut answer = Answer::default();
    // A clean request laid out as the rules' tables needs neither a tree nor a walk:
    // only its options are read (they may still be wrong).
    let clean = clean_input(tape);
    let call = match clean {
        // No options (the tape's one last word says undefined or null): the defaults,
        // which no config error comes of, as `read_validate_options` answers for them,
        // with no tree made and dropped (a tenth of a clean call's instructions).
        Some(options_at) if no_options(tape, options_at) => return (Status::Clean, answer),
        Some(options_at) => read_options(tape, options_at),
        None => read(tape, &mut answer, |_| false),
    };
    let Some(call) = call else {
        return (Status::Malformed, answer);
    };
    let (input, Some(options)) = (&call.input, &call.options) else {
        return (Status::Malformed, answer); // never: the options were read
    };
    let options = match read_validate_options(options) {
        Ok(options) => options,
        Err(error) => return (answer.config(&error), answer),
    };
    if clean.is_some() {
        return (Status::Clean, answer);
    }
    let report = Kept::new(coc_incident_core::validate(input, options));
    if report.is_valid() && report.warnings.is_empty() {
        return (Status::Clean, answer);
    }
    answer.number(if report.is_valid() { 1.0 } else { 0.0 });
    answer.report(&report);
    (Status::Report, answer)
}

/// [`validate`] with every input read into a tree and walked, as before `shape.rs`.
#[cfg(test)]
pub(crate) fn validate_walked(tape: &'static [u8]) -> (Status, Answer) {
    validate_as(tape, |_| None)
}

/// Whether the tape from `at` is one word, `undefined` or `null`: a call with no options.
fn no_options(tape: &[u8], at: usize) -> bool {
    match tape.get(at..) {
        Some(&[a, b, c, d]) => matches!(
            u32::from_le_bytes([a, b, c, d]),
            tape::UNDEFINED | tape::NULL
        ),
        _ => false,
    }
}

/// The options of a tape whose input was read another way (see `shape.rs`), which
/// start at `at`; the call's input is left undefined.
fn read_options(tape: &'static [u8], at: usize) -> Option<Kept<Call>> {
    let options_bytes = tape.get(at..)?;
    let options = read_value(options_bytes).ok()?;
    Some(Kept::new(Call {
        input: Value::Undefined,
        options: Some(options),
        options_bytes,
        keys: TextKeys::new(),
    }))
}

/// A build's envelope: made of the options it read, and how they say to validate; or
/// the one kept for them, known by their bytes. One made is left to the arena, as the
/// call's other values are (its drop in place was 0.2 KB of the module, gzipped).
enum BuildEnvelope<'m> {
    Made(Kept<Envelope>, ValidateOptions),
    Known(memo::Envelope<'m>),
}
use BuildEnvelope::{Known, Made};

/// `buildHandleRequest` on a tape. The options are checked first (a wrong option is
/// the portal's bug, whatever the user typed), then the input, as the core's `build`
/// does; options a build was made with before are known by their bytes and not
/// checked again (see [`Memo`]).
pub fn build(tape: &'static [u8], memo: &mut Memo) -> (Status, Answer) {
    let mut answer = Answer::default();
    // What was kept for these options, found as the tape is read: their bytes are
    // compared once (a second compare of a 3.6 KB token's took 140 ns of 890).
    let mut kept = None;
    let Some(call) = read(tape, &mut answer, |options| {
        kept = memo.get(options);
        kept.is_some()
    }) else {
        return (Status::Malformed, answer);
    };
    // The envelope: made of the options read (checked first), or the one kept.
    let envelope = match (&call.options, kept) {
        (Some(options), _) => match read_options_and_envelope(options) {
            Ok((envelope, validate)) => Made(Kept::new(envelope), validate),
            Err(error) => return (answer.config(&error), answer),
        },
        (None, Some(kept)) => Known(kept),
        (None, None) => return (Status::Malformed, answer), // never: unread means kept
    };
    let validate = match &envelope {
        Made(_, validate) | Known(memo::Envelope { validate, .. }) => *validate,
    };
    let checked = match check(&call.input, validate) {
        Ok(checked) => Kept::new(checked),
        Err(report) => {
            let report = Kept::new(report);
            let more = report.more_errors();
            answer.template(Template::summary(more), report.locale());
            answer.count(more);
            answer.report(&report);
            return (Status::Invalid, answer);
        }
    };
    match envelope {
        Made(envelope, validate) => {
            // Two numbers a text (the URL, each header's name and value), and the two
            // counts (headers, warnings), and the body's offset.
            answer.numbers.reserve(6 + 4 * envelope.headers().len());
            // Room for the texts at once, made last: the body is most of it, and is
            // written in place, and a larger one grows the arena's last block, where
            // it lies, rather than moving.
            let headers: usize = envelope
                .headers()
                .iter()
                .map(|(n, v)| n.len() + v.len())
                .sum();
            answer
                .text
                .reserve(envelope.url().len() + headers + BODY_ROOM);
            answer.text(envelope.url());
            answer.count(envelope.headers().len());
            for (name, value) in envelope.headers() {
                answer.text(name);
                answer.text(value);
            }
            memo.keep(
                call.options_bytes,
                &answer.numbers,
                &answer.text,
                answer.units,
                validate,
            );
        }
        Known(kept) => {
            answer.numbers.reserve(kept.numbers.len() + 3);
            answer.text.reserve(kept.text.len() + BODY_ROOM);
            answer.numbers.extend_from_slice(kept.numbers);
            answer.text.push_str(kept.text);
            answer.units = kept.units;
        }
    }
    answer.count(checked.warnings().len());
    answer.violations(checked.warnings());
    // The body last, as the rest of the text: only where it starts is said.
    answer.count(answer.units);
    write_body(&checked, &mut answer.text);
    (Status::Built, answer)
}

/// The build options, and the envelope they make.
fn read_options_and_envelope(options: &Value) -> Result<(Envelope, ValidateOptions), ConfigError> {
    let options = read_build_options(options)?;
    Ok((Envelope::new(&options.target)?, options.validate))
}

/// The room made for a body before it is written: more than a request with a cause and
/// a solution of usual length takes.
const BODY_ROOM: usize = 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tape::tests::Writer;
    use crate::tape::{FALSE, OBJECT, TRUE, UNDEFINED};
    use alloc::string::ToString;

    /// `{ incident_num, operator: " ", operate_key: "confirm", parameter: { virtual_confirm_result: false } }`
    /// and `options`. Leaked: a tape outlives what is read from it.
    fn tape(operator: &str, options: impl FnOnce(&mut Writer)) -> &'static [u8] {
        let mut w = Writer::default();
        w.word(OBJECT).word(4).word(0);
        w.key("incident_num").string("IM1");
        w.key("operator").string(operator);
        w.key("operate_key").string("confirm");
        w.key("parameter").word(OBJECT).word(1).word(0);
        w.key("virtual_confirm_result").word(FALSE);
        options(&mut w);
        w.0.leak()
    }

    /// As JavaScript reads it: the text decoded once, then sliced by UTF-16 offsets.
    fn text(answer: &Answer, at: usize) -> String {
        let (start, len) = (answer.numbers[at] as usize, answer.numbers[at + 1] as usize);
        let units: Vec<u16> = answer.text.encode_utf16().collect();
        assert_eq!(units.len(), answer.units);
        String::from_utf16(&units[start..start + len]).unwrap()
    }

    #[test]
    fn a_report_is_counts_then_each_violation_by_name_text_and_params() {
        let (status, answer) = validate(
            tape(" ", |w| {
                w.word(UNDEFINED);
            }),
            &mut Verdicts::new(),
        );
        assert_eq!(status, Status::Report);
        let table = names::table();
        // Not valid; two errors (operator blank, comment required), no warning.
        assert_eq!(&answer.numbers[..3], &[0.0, 2.0, 0.0]);
        assert_eq!(table[answer.numbers[3] as usize], "blank");
        // The path: one name, by its index.
        assert_eq!(answer.numbers[4], 1.0);
        assert_eq!(table[answer.numbers[5] as usize], "operator");
        // "{field} must not be blank.", in English, naming the operator's label.
        assert_eq!(answer.numbers[6], Template::Blank as usize as f64 * 2.0);
        let label = labels::labels()[answer.numbers[7] as usize];
        assert_eq!(label.en, "Operator");
        assert_eq!(answer.numbers[8], -1.0); // no other field
        assert_eq!(answer.numbers[9], 0.0); // no params
        assert_eq!(table[answer.numbers[10] as usize], "required");
        assert_eq!(answer.numbers[11], 2.0);
        let parts = [answer.numbers[12], answer.numbers[13]].map(|i| table[i as usize]);
        assert_eq!(parts, ["parameter", "virtual_confirm_comment"]);
        assert!(answer.text.is_empty());
    }

    /// A path whose parts are names goes as their indices; any other as its text.
    #[test]
    fn a_path_is_its_names_or_its_text() {
        let table = names::table();
        for path in [
            "",
            "operator",
            "parameter.cause",
            "parameter.cause.operator",
        ] {
            let mut answer = Answer::default();
            answer.written_path(path);
            let parts = answer.numbers[0] as usize;
            assert_eq!(answer.numbers.len(), 1 + parts, "{path:?}");
            let names: Vec<&str> = answer.numbers[1..]
                .iter()
                .map(|&i| table[i as usize])
                .collect();
            assert_eq!(names.join("."), path);
        }
        for path in [
            ".",
            "operator.",
            ".operator",
            "parameter..cause",
            "parameter.x",
            "é",
            "parameter[\"a.b\"]",
        ] {
            let mut answer = Answer::default();
            answer.written_path(path);
            assert_eq!(answer.numbers[0], -1.0, "{path:?}");
            assert_eq!(text(&answer, 1), path);
        }
    }

    /// Each violation's code and path, read as JavaScript reads them, with `keys` the
    /// keys the tape gave as texts.
    fn codes_and_paths(answer: &Answer, keys: &[&str]) -> Vec<(String, String)> {
        let (table, n) = (names::table(), &answer.numbers);
        let count = (n[1] + n[2]) as usize;
        let mut at = 3;
        let mut found = Vec::new();
        for _ in 0..count {
            let code = table[n[at] as usize].to_string();
            let parts = n[at + 1];
            at += 2;
            let path = if parts == -1.0 {
                at += 2;
                text(answer, at - 2)
            } else {
                let part = |i: f64| match i {
                    i if i >= 0.0 => table[i as usize],
                    i => keys[(-1.0 - i) as usize],
                };
                let path: Vec<&str> = (0..parts as usize).map(|p| part(n[at + p])).collect();
                at += parts as usize;
                path.join(".")
            };
            at += 1; // the template
            for _ in 0..2 {
                at += if n[at] == -2.0 { 5 } else { 1 };
            }
            let params = n[at] as usize;
            at += 1;
            for _ in 0..params {
                let (kind, first, second) = (n[at + 1], n[at + 2], n[at + 3]);
                at += 4;
                if kind == TEXT && first == -1.0 {
                    at += 2 * second as usize;
                }
            }
            found.push((code, path));
        }
        found
    }

    /// A path names a key no rule knows by its place among the tape's text keys, and
    /// goes as a text only when no such parts make it.
    #[test]
    fn a_path_names_an_unknown_key_by_its_place_among_the_text_keys() {
        let mut w = Writer::default();
        w.word(OBJECT).word(4).word(0);
        w.key("incident_num").string("IM1");
        w.key("operator").string("op");
        w.key("operate_key").string("confirm");
        w.key("parameter").word(OBJECT).word(3).word(0);
        w.key("virtual_confirm_result").word(FALSE);
        w.key("virtual_confirm_coment").string("x");
        w.key("a.b").string("y");
        w.word(UNDEFINED);
        let (status, answer) = validate(w.0.leak(), &mut Verdicts::new());
        assert_eq!(status, Status::Report);
        let keys = [
            "incident_num",
            "operator",
            "operate_key",
            "parameter",
            "virtual_confirm_result",
            "virtual_confirm_coment",
            "a.b",
        ];
        let found = codes_and_paths(&answer, &keys);
        let expected = [
            ("required", "parameter.virtual_confirm_comment"),
            ("unknown_field", "parameter.virtual_confirm_coment"),
            ("unknown_field", "parameter[\"a.b\"]"),
        ];
        let expected: Vec<_> = expected.map(|(c, p)| (c.to_string(), p.to_string())).into();
        assert_eq!(found, expected);
        // Only the quoted key's path went as a text.
        assert_eq!(answer.text, "parameter[\"a.b\"]");
    }

    /// A path kept as its parts answers what its text answers: the same numbers and
    /// texts, names and tape keys by their places, anything else as its text. The
    /// paths are those of real reports: fields of the rules, and keys no rule knows
    /// (plain, quoted, CJK, a name of the table, a lone surrogate), at the root and in
    /// `parameter`, with unknown fields refused and allowed (then nested values too).
    #[test]
    fn a_path_in_parts_answers_as_its_text() {
        use coc_incident_core::{object, validate, Object, Text, ValidateOptions};
        let tape_keys = ["x", "事件", "a.b", "", "[", "k\u{1}"];
        let keys: Vec<&'static [u8]> = tape_keys
            .iter()
            .map(|k| {
                &*k.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>()
                    .leak()
            })
            .collect();
        let unknown = |object: &mut Object| {
            for key in tape_keys.iter().chain(&["operator", "y", "é.é"]) {
                object.push(
                    *key,
                    Value::from(object! { "deep" => 1.5, "a.b" => "\u{1}" }),
                );
            }
            object.push(Text::from_utf16(&[0x6B, 0xD800]), Value::from(1));
        };
        let mut parameter = object! { "mtm_type" => 1, "cause" => "", "solution" => " " };
        unknown(&mut parameter);
        let mut root = object! {
            "incident_num" => 1, "operate_key" => "commitSolution1", "parameter" => parameter,
        };
        unknown(&mut root);
        let input = Value::from(root);
        let (mut with_parts, mut without) = (0, 0);
        for allow_unknown_fields in [false, true] {
            let options = ValidateOptions {
                allow_unknown_fields,
                ..ValidateOptions::default()
            };
            let report = validate(&input, options);
            for violation in report.errors.iter().chain(&report.warnings) {
                let path = &violation.path;
                let text = path.to_text();
                let fresh = || Answer {
                    keys: keys.clone(),
                    key_budget: KEY_BUDGET,
                    ..Answer::default()
                };
                let (mut parts, mut written) = (fresh(), fresh());
                parts.path(path);
                written.written_path(&text);
                // The budget aside: splitting a quoted key's text may spend some of it.
                let answered = |a: Answer| (a.numbers, a.text, a.units);
                assert_eq!(answered(parts), answered(written), "{text:?}");
                if path.parts().is_some() {
                    with_parts += 1;
                } else {
                    without += 1;
                }
            }
        }
        // Both ways are tried, many times each.
        assert!(with_parts > 20 && without > 20, "{with_parts} {without}");
    }

    /// A key is found by its place only within the answer's budget of compared
    /// units; past it, the path goes as its text (exact too).
    #[test]
    fn a_path_goes_as_text_when_finding_its_key_would_cost_too_much() {
        let units = |k: &str| -> &'static [u8] {
            k.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>()
                .leak()
        };
        let path = "parameter.abcd";
        let parameter = names::index("parameter").unwrap() as f64;
        // The third key, found by its place: 4 units compared for "abce", 4 for "abcd".
        // With 7 units to compare, "abcd" is not reached.
        for (budget, expected) in [(KEY_BUDGET, vec![2.0, parameter, -3.0]), (7, vec![-1.0])] {
            let mut answer = Answer {
                keys: vec![units("abce"), units("x"), units("abcd")],
                key_budget: budget,
                ..Answer::default()
            };
            answer.written_path(path);
            assert_eq!(answer.numbers[..expected.len()], expected[..], "{budget}");
            if budget < KEY_BUDGET {
                assert_eq!(text(&answer, 1), path);
            }
        }
    }

    #[test]
    fn a_wrong_option_is_its_name_and_message() {
        let (status, answer) = validate(
            tape("op", |w| {
                w.word(OBJECT).word(1).word(0);
                w.key("locale").number(5.0);
            }),
            &mut Verdicts::new(),
        );
        assert_eq!(status, Status::Config);
        assert_eq!(text(&answer, 0), "locale");
        assert_eq!(text(&answer, 2), "locale must be a string, got integer");
    }

    /// The module's build is the core's `build`, written into the answer: the same URL,
    /// headers and body, texts that need escaping and a long body included.
    #[test]
    fn a_build_answers_what_the_core_builds() {
        let mut memo = Box::new(Memo::EMPTY);
        for comment in [
            "Fixed.",
            "a \"quoted\" \\ line\nand\ttabs 事件 😀",
            &"x".repeat(300),
        ] {
            let tape = confirm_tape(comment, "t0k");
            let (status, answer) = build(tape, &mut memo);
            assert_eq!(status, Status::Built, "{comment:?}");
            let call = read_call(tape, |_| false).unwrap();
            let options = read_build_options(call.options.as_ref().unwrap()).unwrap();
            let input = call.input;
            let built =
                coc_incident_core::build(&input, &options.target, options.validate).unwrap();
            // The body, last, is not counted in `units`: the texts are sliced here
            // as JavaScript slices them, without `text`'s check of the count.
            let units: Vec<u16> = answer.text.encode_utf16().collect();
            let text = |at: usize| {
                let (start, len) = (answer.numbers[at] as usize, answer.numbers[at + 1] as usize);
                String::from_utf16(&units[start..start + len]).unwrap()
            };
            assert_eq!(text(0), built.request.url);
            let headers = answer.numbers[2] as usize;
            assert_eq!(headers, built.request.headers.len());
            for (i, (name, value)) in built.request.headers.iter().enumerate() {
                assert_eq!(&text(3 + 4 * i), name);
                assert_eq!(&text(5 + 4 * i), value);
            }
            let warnings = answer.numbers[3 + 4 * headers] as usize;
            assert_eq!(warnings, built.warnings.len());
            assert_eq!(warnings, 1, "x_extra");
            // The last number: where the body starts, after the warnings' texts; the
            // body is the rest of the text.
            let body_at = *answer.numbers.last().unwrap() as usize;
            assert_eq!(
                String::from_utf16(&units[body_at..]).unwrap(),
                built.request.body
            );
        }
    }

    /// A confirm with `comment` and an unknown key (a warning, whose path names a key
    /// the tape gives as a text), built with `token` and a header (whose name is
    /// another such key, in the options).
    fn confirm_tape(comment: &str, token: &str) -> &'static [u8] {
        confirm_tape_with(comment, token, &["X-CSRF-Token"])
    }

    /// As [`confirm_tape`], with a header of each of these names.
    fn confirm_tape_with(comment: &str, token: &str, headers: &[&str]) -> &'static [u8] {
        let mut w = Writer::default();
        w.word(OBJECT).word(5).word(0);
        w.key("incident_num").string(" IM1 ");
        w.key("operator").string("op");
        w.key("operate_key").string("confirm");
        w.key("parameter").word(OBJECT).word(2).word(0);
        w.key("virtual_confirm_result").word(TRUE);
        w.key("virtual_confirm_comment").string(comment);
        w.key("x_extra").string("kept?");
        w.word(OBJECT).word(4).word(0);
        w.key("endpoint").string("https://coc.example.com/");
        w.key("token").string(token);
        w.key("headers")
            .word(OBJECT)
            .word(headers.len() as u32)
            .word(0);
        for name in headers {
            w.key(name).string("c5rf");
        }
        w.key("allowUnknownFields").word(TRUE);
        w.0.leak()
    }

    /// An answer's numbers and text (not the keys it was made with).
    fn read(answer: &Answer) -> (&[f64], &str, usize) {
        (&answer.numbers, &answer.text, answer.units)
    }

    /// Options a build was made with before are known by their bytes: the build
    /// answers what a build with no memo answers, valid input or not, and options that
    /// differ by a byte, or are wrong, are read and checked. (Equal numbers too, as no
    /// path here has a part that only a key of the options matches: such a part goes
    /// as text when the options are known, see `read_call`, and JavaScript reads the
    /// same path; tests/js/package.test.mjs has one.)
    #[test]
    fn options_built_with_before_give_what_they_gave() {
        let mut memo = Box::new(Memo::EMPTY);
        let fresh = |tape| build(tape, &mut Box::new(Memo::EMPTY));
        let first = confirm_tape("Fixed.", "t0k");
        let (_, made) = build(first, &mut memo);
        assert!(memo.knows(&first[first.len() - options_len(first)..]));
        for tape in [
            first,
            confirm_tape("Another comment, 事件.", "t0k"),
            confirm_tape("", "t0k"), // invalid: the comment is required
            confirm_tape("Fixed.", "t0K"),
            confirm_tape("Fixed.", "t0k\n"), // a wrong token: a ConfigError
            confirm_tape("Fixed.", "t0k"),
        ] {
            let (status, answer) = build(tape, &mut memo);
            let (fresh_status, fresh_answer) = fresh(tape);
            assert_eq!((status, read(&answer)), (fresh_status, read(&fresh_answer)));
        }
        assert_eq!(read(&build(first, &mut memo).1), read(&made));
        // The wrong token was not kept: checked again, and refused again.
        let wrong = confirm_tape("Fixed.", "t0k\n");
        assert_eq!(build(wrong, &mut memo).0, Status::Config);
        assert_eq!(build(wrong, &mut memo).0, Status::Config);
    }

    /// How long the options of a tape are (its second value), read as they are read.
    fn options_len(tape: &'static [u8]) -> usize {
        read_call(tape, |_| false).unwrap().options_bytes.len()
    }

    /// Options too large to keep (a token of 16 KB, or more headers than are kept)
    /// build as any others, and leave nothing kept: each build checks them again.
    #[test]
    fn options_too_large_to_keep_are_checked_at_each_build() {
        let mut memo = Box::new(Memo::EMPTY);
        let known = confirm_tape("Fixed.", "t0k");
        let options = |tape: &'static [u8]| &tape[tape.len() - options_len(tape)..];
        let names: Vec<String> = (0..14).map(|i| alloc::format!("X-H{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let long_token = "t".repeat(memo::MAX_BYTES);
        for large in [
            confirm_tape("Fixed.", &long_token),
            confirm_tape_with("Fixed.", "t0k", &names),
        ] {
            build(known, &mut memo);
            assert!(memo.knows(options(known)));
            for _ in 0..2 {
                let (status, answer) = build(large, &mut memo);
                assert_eq!(status, Status::Built);
                let fresh = build(large, &mut Box::new(Memo::EMPTY)).1;
                assert_eq!(read(&answer), read(&fresh));
                assert!(!memo.knows(options(large)) && !memo.knows(options(known)));
            }
        }
        // Thirteen headers of the caller's (fifteen with Content-Type and the token) are kept.
        let most = confirm_tape_with("Fixed.", "t0k", &names[..13]);
        build(most, &mut memo);
        assert!(memo.knows(options(most)));
    }

    #[test]
    fn an_invalid_build_is_its_summary_and_a_malformed_tape_is_said() {
        let (status, answer) = build(
            tape("op", |w| {
                w.word(OBJECT).word(1).word(0);
                w.key("endpoint").string("/api/coc");
            }),
            &mut Box::new(Memo::EMPTY),
        );
        // The comment is required: a build of this input is refused, with the summary
        // (the first error's message, and no more).
        assert_eq!(status, Status::Invalid);
        assert_eq!(
            answer.numbers[..2],
            [Template::Summary as usize as f64 * 2.0, 0.0]
        );
        assert_eq!(
            validate(&[1, 2, 3], &mut Verdicts::new()).0,
            Status::Malformed
        );
    }

    /// The `params` makers of src/validate/index.js (`PARAM_SHAPES`, written by hand
    /// for speed: an object literal per list of keys) cover every list of keys a
    /// `Problem`'s params can have (each combination of its optional params, whether
    /// or not today's rules make it), and no other: a list it lacked would only be
    /// slower (made key by key), and one no problem has is dead code, so neither shows
    /// in a report. Every code has a problem here: a new kind of problem fails this
    /// test until it is listed.
    #[test]
    fn the_entrys_params_makers_are_the_problems_lists_of_keys() {
        use coc_incident_core::internal::PARAM_KEYS;
        use coc_incident_core::{Number, TextReason};
        use std::collections::BTreeSet;
        let some = |on: bool, s: &'static str| on.then_some(s);
        let mut problems = alloc::vec![
            Problem::NotObject { actual: "string" },
            Problem::Required,
            Problem::Blank,
            Problem::WrongType {
                expected: "string",
                actual: "number"
            },
            Problem::TooLong { max: 1, actual: 2 },
            Problem::Recommended { when: "x" },
            Problem::TooManyViolations { omitted: 1 },
        ];
        for on in [false, true] {
            problems.push(Problem::UnknownOperateKey {
                allowed: &["a"],
                suggestion: some(on, "a"),
            });
            problems.push(Problem::UnknownField {
                suggestion: some(on, "a"),
            });
            problems.push(Problem::InvalidText {
                reason: TextReason::ControlCharacter,
                index: 0,
                code_point: on.then_some(1),
            });
        }
        for bits in 0..8 {
            problems.push(Problem::OutOfRange {
                min: (bits & 1 != 0).then_some(0.0),
                max: (bits & 2 != 0).then_some(1.0),
                actual: Number::from(2.0),
                after: some(bits & 4 != 0, "a"),
            });
        }
        let codes: BTreeSet<&str> = problems.iter().map(Problem::code).collect();
        let every_code: BTreeSet<&str> = coc_incident_core::internal::CODES.into_iter().collect();
        assert_eq!(codes, every_code);
        let from_rust: BTreeSet<String> = problems
            .iter()
            .map(|problem| {
                let keys: Vec<&str> = params(problem)
                    .map(|(key, _)| PARAM_KEYS[key as usize])
                    .collect();
                keys.join(",")
            })
            .filter(|keys| !keys.is_empty()) // no params: `{}`, made without a maker
            .collect();
        let js = include_str!("../../../src/validate/index.js");
        let table = js
            .split_once("const PARAM_SHAPES = [")
            .and_then(|(_, rest)| rest.split_once("\n];"))
            .expect("PARAM_SHAPES in src/validate/index.js")
            .0;
        let from_js: BTreeSet<String> = table
            .lines()
            .filter_map(|line| line.trim().strip_prefix("[[")?.split_once("]"))
            .map(|(keys, _)| keys.replace(['"', ' '], ""))
            .collect();
        assert_eq!(from_js, from_rust);
    }
}
