//! The validator: walks the input once, against a rule set's tables, and reports
//! every violation in document order. A valid input yields a [`Checked`] request,
//! which is all the request builder trusts.

use crate::messages::{Labels, Locale, TimeZone};
use crate::path::{self, Path};
use crate::prelude::*;
use crate::rules::{
    FieldRule, Kind, Label, Operation, ParameterPresence, Presence, Rules, MAX_SAFE_INTEGER,
    OPERATE_KEY_LABEL, PARAMETER_LABEL, RULES,
};
use crate::suggest::suggest;
use crate::text::{is_blank, is_printable, js_trim, text_problem, utf16_len, Text, TextProblem};
use crate::value::{is_integer, same_key, Foreign, Object, Value, MAX_DEPTH};
use crate::violation::{Problem, Report, Tell, TextReason, Violation};

/// The most violations a report lists in each of its lists; the rest are counted in
/// one `too_many_violations` at the end, so that no input makes a report huge.
pub const MAX_LISTED: usize = 100;

/// How to validate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValidateOptions {
    /// The language of messages.
    pub locale: Locale,
    /// Unknown keys are warnings, and sent unchanged, instead of errors.
    pub allow_unknown_fields: bool,
    /// The time zone messages write times in (UTC unless set).
    pub time_zone: TimeZone,
}

impl ValidateOptions {
    fn tell(&self) -> Tell {
        Tell {
            locale: self.locale,
            zone: self.time_zone,
        }
    }
}

/// A request that passed validation, borrowing from the input: what the body is
/// written from. Only the validator makes one (its fields are its own), so a body is
/// only ever written from what was checked.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Checked<'a> {
    /// The root's own fields that are there, in table order, with their rules.
    pub(crate) root: Vec<(&'static FieldRule, &'a Value)>,
    /// The operation `operate_key` names.
    pub(crate) operation: &'static Operation,
    /// `parameter`'s entries to send, in the input's order (none for a missing one).
    pub(crate) parameter: Vec<(&'a str, &'a Value)>,
    /// Unknown root keys, sent unchanged (only with `allow_unknown_fields`).
    pub(crate) extra: Vec<(&'a str, &'a Value)>,
    /// What is worth a look but may be sent.
    pub(crate) warnings: Vec<Violation>,
}

impl<'a> Checked<'a> {
    /// The operation `operate_key` names.
    pub fn operation(&self) -> &'static Operation {
        self.operation
    }

    /// What is worth a look but may be sent.
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// A root text as it is sent (trimmed when its rule says so).
    pub fn text(&self, key: &str) -> Option<&'a str> {
        self.root.iter().find_map(|(rule, value)| match value {
            Value::String(text) if rule.key == key => Some(if rule.trimmed {
                js_trim(text.as_str())
            } else {
                text.as_str()
            }),
            _ => None,
        })
    }
}

/// The report on `input`.
pub fn validate(input: &Value, options: ValidateOptions) -> Report {
    // Only the verdict: nothing is collected for a body.
    match RULES.walk(input, options, false) {
        Ok(checked) => Report {
            errors: Vec::new(),
            warnings: checked.warnings,
        },
        Err(report) => report,
    }
}

/// The request to build from `input`, or the report of why there is none.
pub fn check(input: &Value, options: ValidateOptions) -> Result<Checked<'_>, Report> {
    RULES.check(input, options)
}

impl Rules {
    /// Whether `root_keys` are the keys the walk looks up at the root, in its order:
    /// the `root` fields', then `operate_key` and `parameter` (as [`RULES`] has them).
    fn root_keys_are_looked_up(&self) -> bool {
        // The rules of the crate are (a test checks it): known without a look.
        if core::ptr::eq(self, &RULES) {
            return true;
        }
        let root = self.root.iter().map(|rule| rule.key);
        let looked_up = root.chain(["operate_key", "parameter"]);
        self.root_keys.len() == self.root.len() + 2
            && self
                .root_keys
                .iter()
                .zip(looked_up)
                .all(|(key, looked)| same_key(key, looked))
    }

    /// Whether every field's key is a name a dotted path writes as it is, so that a
    /// field's path can be kept as its parts ([`Path::parts`]).
    fn names_are_plain(&self) -> bool {
        let fields = self.operations.iter().flat_map(|op| op.fields);
        self.root
            .iter()
            .chain(fields)
            .all(|rule| path::is_plain(rule.key))
    }

    /// [`check`] against this rule set.
    pub fn check<'a>(
        &self,
        input: &'a Value,
        options: ValidateOptions,
    ) -> Result<Checked<'a>, Report> {
        self.walk(input, options, true)
    }

    /// The walk of [`Rules::check`]; with `collect` false, a valid input's [`Checked`]
    /// holds its warnings only (what [`validate`] needs, with nothing allocated).
    fn walk<'a>(
        &self,
        input: &'a Value,
        options: ValidateOptions,
        collect: bool,
    ) -> Result<Checked<'a>, Report> {
        let mut walk = Walk {
            rules: self,
            // The crate's rules are (a test checks it): known without a look.
            plain_names: core::ptr::eq(self, &RULES) || self.names_are_plain(),
            options,
            collect,
            errors: Listed::default(),
            warnings: Listed::default(),
        };
        let checked = walk.root(input);
        let errors = walk.errors.finish(options.tell());
        let warnings = walk.warnings.finish(options.tell());
        match checked {
            Some(mut checked) if errors.is_empty() => {
                checked.warnings = warnings;
                Ok(checked)
            }
            _ => Err(Report { errors, warnings }),
        }
    }
}

/// One list of a report: at most [`MAX_LISTED`] violations, the rest counted.
#[derive(Default)]
struct Listed {
    listed: Vec<Violation>,
    omitted: usize,
}

impl Listed {
    fn push(&mut self, make: impl FnOnce() -> Violation) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(make());
        } else {
            self.omitted += 1;
        }
    }

    /// Violations known to be there but not looked at one by one.
    fn count(&mut self, unlisted: usize) {
        self.omitted += unlisted;
    }

    /// The list, closed by a `too_many_violations` when some were only counted.
    fn finish(mut self, tell: Tell) -> Vec<Violation> {
        if self.omitted > 0 {
            let problem = Problem::TooManyViolations {
                omitted: self.omitted,
            };
            let note = Violation::new(Path::ROOT, problem, Labels::default(), tell);
            self.listed.push(note);
        }
        self.listed
    }
}

/// A violation's path, made only when a violation is reported.
trait Where {
    fn get(&self) -> Path;
}

/// A path written out (inside an extra value).
impl Where for &str {
    fn get(&self) -> Path {
        Path::written((*self).to_owned())
    }
}

impl Where for String {
    fn get(&self) -> Path {
        Path::written(self.clone())
    }
}

/// A key of the input that no rule names, at the root or inside `parent`.
struct KeyPath<'k> {
    parent: Option<&'static str>,
    key: &'k Text,
}

impl Where for KeyPath<'_> {
    fn get(&self) -> Path {
        Path::key(self.parent, self.key.clone())
    }
}

/// A rule's own field (or `operate_key`, `parameter`) at the root or inside `prefix`.
#[derive(Clone, Copy)]
struct FieldPath {
    prefix: Option<&'static str>,
    key: &'static str,
    /// The rules' names are all plain (see [`Rules::names_are_plain`]).
    plain: bool,
}

impl Where for FieldPath {
    fn get(&self) -> Path {
        if self.plain {
            Path::name(self.prefix, self.key)
        } else {
            // A rule set of the caller's whose names need quoting.
            Path::joined(self.prefix, self.key)
        }
    }
}

/// The keys an object may hold, read from the rules where they are (no list is made
/// for a call).
#[derive(Clone, Copy)]
enum Known {
    /// A list of names.
    Names(&'static [&'static str]),
    /// A table's fields.
    Fields(&'static [FieldRule]),
}

impl Known {
    fn keys(self) -> impl Iterator<Item = &'static &'static str> {
        let (names, fields): (&'static [&'static str], &'static [FieldRule]) = match self {
            Known::Names(names) => (names, &[]),
            Known::Fields(fields) => (&[], fields),
        };
        names.iter().chain(fields.iter().map(|rule| &rule.key))
    }

    fn contains(self, key: &str) -> bool {
        // Not through `keys`: a chain of two iterators cost 11 ns a key in wasm.
        match self {
            Known::Names(names) => names.iter().any(|known| same_key(known, key)),
            Known::Fields(fields) => fields.iter().any(|rule| same_key(rule.key, key)),
        }
    }
}

struct Walk<'r> {
    rules: &'r Rules,
    /// Whether every field's key is plain ([`Rules::names_are_plain`]).
    plain_names: bool,
    options: ValidateOptions,
    /// Whether what a body is written from is collected.
    collect: bool,
    errors: Listed,
    warnings: Listed,
}

/// The value under `key`, its entry marked in `seen`: a bit for each of the object's
/// first 64 entries that the rules looked up (see `unknown_keys`).
///
/// The entry after those already looked up is tried first: an object's keys mostly
/// come in the rules' order, and then each is found at its first compare. It is the
/// first entry of `key` when it holds it, since each entry before it holds another
/// rule's key (a rule's keys are all different).
fn look<'a>(object: &'a Object, key: &str, seen: &mut u64) -> &'a Value {
    let next = seen.trailing_ones() as usize;
    let (at, value) = match object.entry_of(next, key) {
        Some(value) => (Some(next), value),
        None => object.lookup(key),
    };
    let bit = at
        .and_then(|at| u32::try_from(at).ok())
        .and_then(|at| 1u64.checked_shl(at));
    *seen |= bit.unwrap_or(0);
    value
}

/// The length of a text as a text rule counts it (trimmed first when the rule says
/// so), when it is more than `max` UTF-16 units.
fn length_over(text: &str, max: u32, trimmed: bool) -> Option<usize> {
    let counted = if trimmed { js_trim(text) } else { text };
    // A text is never more UTF-16 units than UTF-8 bytes: one no longer in bytes than
    // the limit is not counted.
    if counted.len() <= max as usize {
        return None;
    }
    Some(utf16_len(counted)).filter(|&actual| actual > max as usize)
}

/// Whether a well-formed text that is not blank passes a text rule: no control
/// character, and within `max` as counted (what `Walk::text` checks after blankness).
#[cfg(any(feature = "internal", test))]
pub(crate) fn text_fits(text: &str, max: u32, trimmed: bool) -> bool {
    crate::text::first_control_character(text).is_none()
        && length_over(text, max, trimmed).is_none()
}

/// Whether a number is epoch milliseconds a rule takes: a whole number from 0 to 2^53 - 1.
pub(crate) fn epoch_in_range(n: f64) -> bool {
    is_integer(n) && (0.0..=MAX_SAFE_INTEGER).contains(&n)
}

/// The label of the field of `table` whose key is `key` (another field a rule names).
fn label_of(table: &[FieldRule], key: &str) -> Option<Label> {
    table.iter().find(|r| r.key == key).map(|r| r.label)
}

impl Walk<'_> {
    fn error(&mut self, path: Path, problem: Problem, labels: Labels) {
        let tell = self.options.tell();
        self.errors
            .push(|| Violation::new(path, problem, labels, tell));
    }

    fn warning(&mut self, path: Path, problem: Problem, labels: Labels) {
        let tell = self.options.tell();
        self.warnings
            .push(|| Violation::new(path, problem, labels, tell));
    }

    fn root<'a>(&mut self, input: &'a Value) -> Option<Checked<'a>> {
        let Value::Object(root) = input else {
            let problem = Problem::NotObject {
                actual: input.type_name(),
            };
            self.error(Path::ROOT, problem, Labels::default());
            return None;
        };
        let table = self.rules.root;
        let mut seen = 0;
        let mut fields = Some(Vec::with_capacity(if self.collect {
            table.len()
        } else {
            0
        }));
        for rule in table {
            match (self.field(root, None, rule, table, &mut seen), &mut fields) {
                (Some(value), Some(fields)) => {
                    if self.collect && !value.is_absent() {
                        fields.push((rule, value));
                    }
                }
                _ => fields = None,
            }
        }
        let operate_key = look(root, "operate_key", &mut seen);
        let parameter = look(root, "parameter", &mut seen);
        // The entries looked up are known keys only when `root_keys` lists the keys
        // looked up (a rule set may miss one of its `root` fields': that key is then
        // unknown all the same, and every key is looked for).
        if !self.rules.root_keys_are_looked_up() {
            seen = 0;
        }
        // A key not found may be among those not read: nothing is claimed of it.
        let unread = |value: &Value| root.unread() > 0 && value.is_undefined();
        let operation = if unread(operate_key) {
            None
        } else {
            self.operate_key(operate_key)
        };
        let parameter = if unread(parameter) {
            None
        } else {
            self.parameter(parameter, operation)
        };
        let extra = self.unknown_keys(root, None, Known::Names(self.rules.root_keys), seen);
        Some(Checked {
            root: fields?,
            operation: operation?,
            parameter: parameter?,
            extra,
            warnings: Vec::new(),
        })
    }

    /// Checks a string: `invalid_text`, then `blank` / `too_long`. True when it passes.
    fn text(
        &mut self,
        text: &Text,
        path: FieldPath,
        max: u32,
        trimmed: bool,
        labels: Labels,
    ) -> bool {
        if is_blank(text.as_str()) {
            self.error(path.get(), Problem::Blank, labels);
            return false;
        }
        if is_printable(text.as_str().as_bytes()) {
            // Nothing to look for but its length, one unit a byte (trimmed of spaces
            // only), in one pass rather than three: the bench's invalid request, whose
            // comment is one too long, took 4% fewer instructions, natively.
            let counted = if trimmed {
                js_trim(text.as_str())
            } else {
                text.as_str()
            };
            let over = Some(counted.len()).filter(|&units| units > max as usize);
            return self.within_max(over, path, max, labels);
        }
        self.any_text(text, path, max, trimmed, labels)
    }

    /// [`Walk::text`] of a text that is not blank, whatever its characters.
    fn any_text(
        &mut self,
        text: &Text,
        path: FieldPath,
        max: u32,
        trimmed: bool,
        labels: Labels,
    ) -> bool {
        let content_ok = self.text_content(text, &path, labels);
        let over = length_over(text.as_str(), max, trimmed);
        self.within_max(over, path, max, labels) && content_ok
    }

    /// Reports a text's length past `max` (`over`: its length as its rule counts it
    /// when past, as [`length_over`] answers); true when there is none.
    fn within_max(
        &mut self,
        over: Option<usize>,
        path: FieldPath,
        max: u32,
        labels: Labels,
    ) -> bool {
        let Some(actual) = over else {
            return true;
        };
        self.error(path.get(), Problem::TooLong { max, actual }, labels);
        false
    }

    /// Reports an unpaired surrogate or control character; true when there is none.
    /// Inlined (the check), with the report out of line: one copy of it serves every
    /// kind of path.
    #[inline(always)]
    fn text_content(&mut self, text: &Text, path: &impl Where, labels: Labels) -> bool {
        match text_problem(text) {
            None => true,
            Some(problem) => {
                self.invalid_text(problem, path.get(), labels);
                false
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn invalid_text(&mut self, problem: TextProblem, path: Path, labels: Labels) {
        let problem = match problem {
            TextProblem::UnpairedSurrogate { index } => Problem::InvalidText {
                reason: TextReason::UnpairedSurrogate,
                index,
                code_point: None,
            },
            TextProblem::ControlCharacter { index, code_point } => Problem::InvalidText {
                reason: TextReason::ControlCharacter,
                index,
                code_point: Some(code_point),
            },
        };
        self.error(path, problem, labels);
    }

    fn wrong_type(&mut self, path: Path, expected: &'static str, actual: &Value, labels: Labels) {
        let problem = Problem::WrongType {
            expected,
            actual: actual.type_name(),
        };
        self.error(path, problem, labels);
    }

    fn operate_key(&mut self, value: &Value) -> Option<&'static Operation> {
        let at = FieldPath {
            prefix: None,
            key: "operate_key",
            plain: true,
        };
        let path = || at.get();
        let labels = Labels::of(OPERATE_KEY_LABEL);
        match value {
            Value::Undefined | Value::Null => self.error(path(), Problem::Required, labels),
            Value::String(text) if is_blank(text.as_str()) => {
                self.error(path(), Problem::Blank, labels)
            }
            Value::String(text) => {
                if text.unpaired_surrogate_at().is_none() {
                    if let Some(op) = self.rules.operation(text.as_str()) {
                        return Some(op);
                    }
                }
                if self.text_content(text, &at, labels) {
                    let allowed = self.rules.operate_keys;
                    let problem = Problem::UnknownOperateKey {
                        allowed,
                        suggestion: suggest(text.as_str(), allowed),
                    };
                    self.error(path(), problem, labels);
                }
            }
            other => self.wrong_type(path(), "string", other, labels),
        }
        None
    }

    /// Checks `parameter` against the operation's table. With no known operation,
    /// only its type can be checked.
    fn parameter<'a>(
        &mut self,
        value: &'a Value,
        operation: Option<&'static Operation>,
    ) -> Option<Vec<(&'a str, &'a Value)>> {
        let path = "parameter";
        let at = FieldPath {
            prefix: None,
            key: path,
            plain: true,
        };
        let labels = Labels::of(PARAMETER_LABEL);
        let object = match value {
            Value::Object(object) => object,
            Value::Undefined | Value::Null => {
                return match operation.map(|op| op.parameter) {
                    Some(ParameterPresence::Required) => {
                        self.error(at.get(), Problem::Required, labels);
                        None
                    }
                    _ => Some(Vec::new()),
                };
            }
            other => {
                self.wrong_type(at.get(), "object", other, labels);
                return None;
            }
        };
        let operation = operation?;
        let mut ok = true;
        let mut seen = 0;
        for rule in operation.fields {
            ok &= self
                .field(object, Some(path), rule, operation.fields, &mut seen)
                .is_some();
        }
        let known = Known::Fields(operation.fields);
        let extra = self.unknown_keys(object, Some(path), known, seen);
        if !ok {
            return None;
        }
        if !self.collect {
            return Some(Vec::new());
        }
        // Known fields and allowed extras, in the order the caller wrote them; both
        // lists are in that order, so one merge keeps it linear.
        let mut extra = extra.into_iter().peekable();
        let mut sent = Vec::with_capacity(object.read_count());
        for (i, (key, value)) in object.entries().enumerate() {
            if value.is_undefined() || key.unpaired_surrogate_at().is_some() {
                continue;
            }
            // An entry marked in `seen` is one a rule looked up by its key: known,
            // with no need to compare its key with every field's.
            let marked = i < 64 && seen & (1 << i) != 0;
            if marked || known.contains(key.as_str()) {
                // The rules checked the first entry of a key: one given twice (a `Value`
                // made in Rust may hold a key twice; JavaScript's cannot) sends that
                // entry only, never one that was not checked.
                if marked || object.lookup(key.as_str()).0 == Some(i) {
                    sent.push((key.as_str(), value));
                }
            } else if extra
                .peek()
                .is_some_and(|(k, _)| core::ptr::eq(*k, key.as_str()))
            {
                sent.extend(extra.next());
            }
        }
        Some(sent)
    }

    /// Checks one field of `object` against its rule, naming other fields of the same
    /// `table` when a rule refers to them, and marks its entry in `seen`. The value
    /// when it passes (`Undefined` or `Null` for an absent optional field); `None` after
    /// an error.
    fn field<'a>(
        &mut self,
        object: &'a Object,
        prefix: Option<&'static str>,
        rule: &FieldRule,
        table: &[FieldRule],
        seen: &mut u64,
    ) -> Option<&'a Value> {
        let value = look(object, rule.key, seen);
        // Its path is made only for a violation (as its parts): a valid field costs none.
        let path = FieldPath {
            prefix,
            key: rule.key,
            plain: self.plain_names,
        };
        let labels = Labels::of(rule.label);
        if value.is_undefined() && object.unread() > 0 {
            // It may be among the keys not read: say nothing of it (the unread keys
            // are reported, so the input is invalid anyway).
            return None;
        }
        if value.is_absent() {
            match rule.presence {
                Presence::Required => {
                    self.error(path.get(), Problem::Required, labels);
                    return None;
                }
                Presence::RecommendedWhen(flag) => {
                    if *object.get(flag) == Value::Bool(true) {
                        let labels = labels.with_other(label_of(table, flag));
                        let problem = Problem::Recommended { when: flag };
                        self.warning(path.get(), problem, labels);
                    }
                }
            }
            return Some(value);
        }
        let ok = match (rule.kind, value) {
            (Kind::Text { max }, Value::String(text)) => {
                self.text(text, path, max, rule.trimmed, labels)
            }
            (Kind::Text { .. }, other) => {
                self.wrong_type(path.get(), "string", other, labels);
                false
            }
            (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Bool, other) => {
                self.wrong_type(path.get(), "boolean", other, labels);
                false
            }
            (Kind::EpochMillis { not_before }, value) => {
                // The other field's label is found only for a violation that names it.
                let other = not_before.map(|key| (key, table));
                self.epoch_millis(object, value, path, other, labels)
            }
        };
        ok.then_some(value)
    }

    fn epoch_millis(
        &mut self,
        object: &Object,
        value: &Value,
        path: FieldPath,
        not_before: Option<(&'static str, &[FieldRule])>,
        labels: Labels,
    ) -> bool {
        let number = match value {
            Value::Number(n) if is_integer(n.value()) => n,
            other => {
                self.wrong_type(path.get(), "integer", other, labels);
                return false;
            }
        };
        let n = number.value();
        let range = |min, max, after| Problem::OutOfRange {
            min,
            max,
            actual: number.clone(),
            after,
        };
        if n < 0.0 {
            self.error(path.get(), range(Some(0.0), None, None), labels);
            return false;
        }
        if n > MAX_SAFE_INTEGER {
            self.error(
                path.get(),
                range(None, Some(MAX_SAFE_INTEGER), None),
                labels,
            );
            return false;
        }
        if let Some((other, table)) = not_before {
            // Compared only with a valid earlier value; an invalid one has its own error.
            if let Value::Number(start) = object.get(other) {
                let start = start.value();
                if epoch_in_range(start) && n < start {
                    let problem = range(Some(start), None, Some(other));
                    let labels = labels.with_other(label_of(table, other));
                    self.error(path.get(), problem, labels);
                    return false;
                }
            }
        }
        true
    }

    /// Reports the keys of `object` that are not known: errors, or warnings when
    /// unknown fields are allowed, in which case their values must still be sendable
    /// as JSON. Returns the allowed ones, in the input's order.
    fn unknown_keys<'a>(
        &mut self,
        object: &'a Object,
        prefix: Option<&'static str>,
        known: Known,
        seen: u64,
    ) -> Vec<(&'a str, &'a Value)> {
        let mut allowed = Vec::new();
        // Every entry `seen` is one the rules looked up by its key: when they are all
        // the entries, none is unknown, and none is looked for.
        let len = object.read_count();
        let all = if len == 0 {
            0
        } else {
            u64::MAX >> (64 - len.min(64))
        };
        if len <= 64 && seen == all && object.unread() == 0 {
            return allowed;
        }
        for (key, value) in object.entries() {
            // An undefined value is no key at all to JSON, and to the rules.
            let known_key = key.unpaired_surrogate_at().is_none() && known.contains(key.as_str());
            if known_key || value.is_undefined() {
                continue;
            }
            let path = KeyPath {
                parent: prefix,
                key,
            };
            let problem = Problem::UnknownField {
                suggestion: suggest(key.as_str(), known.keys()),
            };
            if self.options.allow_unknown_fields {
                // Its own errors go to the other list: the warning's place is the same.
                let key_ok = self.text_content(key, &path, Labels::default());
                let written = path::child(prefix.unwrap_or(""), key);
                // At the root an extra is a child of the input; in `parameter`, a grandchild.
                let depth = if prefix.is_some() { 2 } else { 1 };
                if self.json(value, &written, depth) && key_ok {
                    allowed.push((key.as_str(), value));
                }
                self.warning(path.get(), problem, Labels::default());
            } else {
                self.error(path.get(), problem, Labels::default());
            }
        }
        // Keys not read can be neither checked nor sent: errors, counted.
        self.errors.count(object.unread());
        allowed
    }

    /// Checks that a value passed through unchanged has a faithful JSON form.
    /// `depth` counts from the input (0), as JavaScript's reader does: an array or
    /// object as deep as [`MAX_DEPTH`] is `too_deep`, as that reader names it. A
    /// `Value` made in Rust may be deeper than any read from JavaScript; this keeps
    /// the walk's stack bounded for it too.
    fn json(&mut self, value: &Value, path: &str, depth: usize) -> bool {
        // Statics, not locals: a local is dropped, which linked the drop of every kind
        // of value into the small module's wasm (a third of a KB).
        static TOO_DEEP: Value = Value::Foreign(Foreign::TooDeep);
        static TOO_LARGE: Value = Value::Foreign(Foreign::TooLarge);
        let none = Labels::default();
        let nested = matches!(value, Value::Array(_) | Value::Object(_));
        let refused = match value {
            _ if nested && depth >= MAX_DEPTH => &TOO_DEEP,
            Value::Null | Value::Bool(_) => return true,
            Value::Number(n) if n.value().is_finite() => return true,
            Value::String(text) => return self.text_content(text, &path, none),
            Value::Array(items) => {
                return items.iter().enumerate().fold(true, |ok, (i, item)| {
                    self.json(item, &path::item(path, i), depth + 1) && ok
                })
            }
            Value::Object(object) if object.unread() > 0 => &TOO_LARGE,
            Value::Object(object) => {
                return object
                    .entries()
                    .filter(|(_, item)| !item.is_undefined())
                    .fold(true, |ok, (key, item)| {
                        let path = path::child(path, key);
                        let key_ok = self.text_content(key, &path, none);
                        self.json(item, &path, depth + 1) && key_ok && ok
                    })
            }
            other => other,
        };
        self.wrong_type(Path::written(path.to_owned()), "json", refused, none);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object;
    use crate::rules::ROOT_TEXT_FIELDS;

    /// Each violation's code and path.
    fn code_paths(violations: &[Violation]) -> Vec<(&str, String)> {
        violations
            .iter()
            .map(|v| (v.code(), v.path.to_text()))
            .collect()
    }

    /// A text of printable ASCII and spaces gets, by its one pass, the very report the
    /// checks of any text give it (blank, too long, counted trimmed or not).
    #[test]
    fn a_printable_text_is_reported_as_any_text() {
        let mut next = crate::xorshift(0x7465_7874);
        let mut reported = 0;
        for _ in 0..100_000 {
            let text = Text::from(crate::printable_text(&mut next, 11));
            let (max, trimmed) = ((next() % 10) as u32, next() % 2 == 0);
            let path = FieldPath {
                prefix: Some("parameter"),
                key: "cause",
                plain: true,
            };
            let labels = Labels::of(PARAMETER_LABEL);
            let walk = || Walk {
                rules: &RULES,
                plain_names: true,
                options: ValidateOptions::default(),
                collect: false,
                errors: Listed::default(),
                warnings: Listed::default(),
            };
            let (mut printable, mut any) = (walk(), walk());
            let said = printable.text(&text, path, max, trimmed, labels);
            let blank = is_blank(text.as_str());
            let expected = !blank && any.any_text(&text, path, max, trimmed, labels);
            assert_eq!(said, expected, "{text:?}");
            if !blank {
                assert_eq!(printable.errors.listed, any.errors.listed, "{text:?}");
                reported += usize::from(!said);
            }
        }
        assert!(reported > 10_000, "{reported}");
    }

    const EXTRA_ROOT: &[FieldRule] = &[
        ROOT_TEXT_FIELDS[0],
        ROOT_TEXT_FIELDS[1],
        FieldRule {
            key: "tenant",
            kind: Kind::Text { max: 8 },
            presence: Presence::Required,
            trimmed: true,
            label: Label {
                en: "Tenant",
                zh: "租户",
            },
        },
    ];

    /// A root table edit is a rule like any other: a third field is checked, required,
    /// and sent; nothing falls back to "valid".
    #[test]
    fn every_root_field_of_the_table_is_checked_and_sent() {
        let rules = Rules {
            root: EXTRA_ROOT,
            root_keys: &[
                "incident_num",
                "operator",
                "tenant",
                "operate_key",
                "parameter",
            ],
            ..RULES
        };
        let base = || {
            object! {
                "incident_num" => "IM1", "operator" => "op", "operate_key" => "acceptedIncident1",
            }
        };
        let missing = rules
            .check(&base().into(), ValidateOptions::default())
            .unwrap_err();
        let codes = code_paths(&missing.errors);
        assert_eq!(codes, [("required", "tenant".into())]);
        assert_eq!(missing.errors[0].message(), "Tenant is required.");
        let mut given = base();
        given.push("tenant", Value::from(" t1 "));
        let given = Value::from(given);
        let checked = rules.check(&given, ValidateOptions::default()).unwrap();
        assert_eq!(checked.text("tenant"), Some("t1"));
        assert_eq!(checked.root.len(), 3);
    }

    /// A field's path is kept as its parts only when the rules' names need no quoting
    /// (the crate's do); a rule set of the caller's with a key that would is given its
    /// path as a text, the join it always was.
    #[test]
    fn a_field_path_is_kept_in_parts_only_for_plain_names() {
        assert!(RULES.names_are_plain());
        const DOTTED: &[FieldRule] = &[FieldRule {
            key: "a.b",
            ..EXTRA_ROOT[2]
        }];
        let rules = Rules {
            root: DOTTED,
            ..RULES
        };
        assert!(!rules.names_are_plain());
        let input = object! { "operate_key" => "acceptedIncident1" };
        let report = rules
            .check(&input.into(), ValidateOptions::default())
            .unwrap_err();
        let path = &report.errors[0].path;
        assert_eq!(
            (report.errors[0].code(), path.to_text()),
            ("required", "a.b".into())
        );
        assert_eq!(path.parts(), None);
        let report = validate(&object! {}.into(), ValidateOptions::default());
        assert_eq!(report.errors[0].path.parts(), Some((None, "incident_num")));
    }

    /// Unknown keys are looked for only when the known ones found are not all the
    /// keys: a key pushed twice (which JavaScript never writes) cannot hide one.
    #[test]
    fn an_unknown_key_is_found_beside_a_repeated_known_one() {
        let mut input = object! {
            "incident_num" => "IM1", "operator" => "op", "operate_key" => "acceptedIncident1",
        };
        input.push("operator", Value::from("again"));
        input.push("junk", Value::from(1));
        let report = validate(&input.into(), ValidateOptions::default());
        let codes = code_paths(&report.errors);
        assert_eq!(codes, [("unknown_field", "junk".into())]);
        let clean = object! {
            "incident_num" => "IM1", "operator" => "op", "operate_key" => "acceptedIncident1",
            "parameter" => object! {},
        };
        assert!(validate(&clean.into(), ValidateOptions::default()).is_valid());
    }

    /// A rule set whose `root_keys` miss one of its `root` fields' reports that key as
    /// unknown, however every entry was looked up.
    #[test]
    fn a_root_field_missing_from_root_keys_is_still_unknown() {
        let rules = Rules {
            root: EXTRA_ROOT,
            ..RULES
        };
        let input = object! {
            "incident_num" => "IM1", "operator" => "op", "tenant" => "t1",
            "operate_key" => "acceptedIncident1",
        };
        let report = rules
            .check(&input.into(), ValidateOptions::default())
            .unwrap_err();
        let codes = code_paths(&report.errors);
        assert_eq!(codes, [("unknown_field", "tenant".into())]);
        // The crate's own rules, checked key by key (a copy is not `RULES` itself).
        let copy = RULES;
        assert!(copy.root_keys_are_looked_up());
    }

    #[test]
    fn keys_not_read_are_counted_and_absent_fields_not_claimed() {
        let mut input = object! { "junk" => 1 };
        input.set_unread(20_000);
        let report = validate(&input.into(), ValidateOptions::default());
        let codes = code_paths(&report.errors);
        // No `required` for incident_num and the rest: they may be among the unread keys.
        assert_eq!(
            codes,
            [
                ("unknown_field", "junk".into()),
                ("too_many_violations", String::new())
            ]
        );
        assert_eq!(
            report.errors[1].problem,
            Problem::TooManyViolations { omitted: 20_000 }
        );
    }

    #[test]
    fn reports_list_at_most_max_listed_violations_and_count_the_rest() {
        let mut input = object! {
            "incident_num" => "IM1", "operator" => "op", "operate_key" => "acceptedIncident1",
        };
        for i in 0..250 {
            input.push(format!("junk{i}"), Value::from(1));
        }
        let report = validate(&input.into(), ValidateOptions::default());
        assert!(!report.is_valid());
        assert_eq!(report.errors.len(), MAX_LISTED + 1);
        let last = &report.errors[MAX_LISTED];
        assert_eq!(last.problem, Problem::TooManyViolations { omitted: 150 });
        assert_eq!(last.message(), "150 more were not listed.");
    }
}
