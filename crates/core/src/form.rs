//! From a form's controls to a request: which control is which key, and how its value
//! becomes the wire type. Pure: the DOM side reads the controls, this decides.
//!
//! Controls are named as the wire keys. `incident_num`, `operator` and `operate_key`
//! go to the root; the keys of the chosen operation's table (all known parameter keys
//! when `operate_key` is not one) and any control named `parameter.<key>` go to
//! `parameter`. Other controls (a search box, a CSRF field) are not the request's.

use crate::path;
use crate::prelude::*;
use crate::rules::{operation, FieldRule, Kind, OPERATIONS, ROOT_TEXT_FIELDS};
use crate::text::Text;

/// What the DOM side read from one control (or one radio group).
#[derive(Debug, Clone, PartialEq)]
pub enum Control<'a> {
    /// A checkbox: checked or not.
    Checkbox(bool),
    /// A radio group or a `<select>`: the chosen value, `None` when none is (or the
    /// chosen option's value is empty, a placeholder).
    Choice(Option<&'a str>),
    /// A text input, textarea or hidden input: the text exactly as typed.
    Text(&'a str),
    /// A `datetime-local` input: epoch milliseconds in the user's time zone, `None` when empty.
    DateTime(Option<f64>),
    /// A number input; `bad_input` when the browser could not read what was typed.
    Number {
        /// The number, `None` when empty or unreadable.
        value: Option<f64>,
        /// The browser's `validity.badInput`.
        bad_input: bool,
    },
}

/// A named control.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<'a> {
    /// Its `name`.
    pub name: &'a str,
    /// What it holds.
    pub control: Control<'a>,
}

/// The value a control contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Coerced {
    /// The control's own string, unchanged.
    Original,
    /// A boolean (a checkbox, or a `true` / `false` choice for a boolean field).
    Bool(bool),
    /// A number (an epoch field, a number input). NaN for unreadable input, which
    /// validation then reports rather than dropping.
    Number(f64),
    /// Nothing: the key is left out (an empty optional field, no choice made).
    Absent,
}

/// Where a control goes in the request.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The index of the control in the input.
    pub field: usize,
    /// In `parameter` rather than at the root.
    pub in_parameter: bool,
    /// The wire key.
    pub key: String,
    /// Its value.
    pub value: Coerced,
    /// The text limit that applies to it, for a character counter: for a control one
    /// types text in (not a `<select>` or radios, whose text is chosen).
    pub max_length: Option<u32>,
    /// Whether its rule counts it (and sends it) trimmed, as a counter must count it.
    pub trimmed: bool,
    /// Whether its value is the one the request holds for its key (see [`place`]): of
    /// several controls of one name, one is sent; each is still shown its key's
    /// messages.
    pub sends: bool,
}

impl Placement {
    /// The violation path of the key, written as the validator writes it.
    pub fn path(&self) -> String {
        let prefix = if self.in_parameter { "parameter" } else { "" };
        path::child(prefix, &Text::from(self.key.as_str()))
    }
}

const ROOT: &[&str] = &["incident_num", "operator", "operate_key"];

/// Places every control that is part of the request, in the form's order.
pub fn place(fields: &[Field<'_>]) -> Vec<Placement> {
    // The one sent (see `choose_senders`): of several, the last with a value.
    let operate_key = fields
        .iter()
        .rev()
        .filter(|f| f.name == "operate_key")
        .find(|f| !matches!(f.control, Control::Choice(None)))
        .and_then(|f| match f.control {
            Control::Text(text) | Control::Choice(Some(text)) => Some(text),
            _ => None,
        });
    let table = operate_key.and_then(operation);
    // A rule belongs to its table: the chosen operation's (every operation's while
    // operate_key is not one yet), or the root's.
    let parameter_rule = |key: &str| -> Option<&'static FieldRule> {
        match table {
            Some(op) => op.fields.iter().find(|rule| rule.key == key),
            None => OPERATIONS
                .iter()
                .flat_map(|op| op.fields.iter())
                .find(|rule| rule.key == key),
        }
    };
    let is_parameter_key = |key: &str| parameter_rule(key).is_some();
    let mut placements = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let (in_parameter, key) = if ROOT.contains(&field.name) {
            (false, field.name)
        } else if let Some(key) = field.name.strip_prefix("parameter.") {
            (true, key)
        } else if is_parameter_key(field.name) {
            (true, field.name)
        } else {
            continue;
        };
        let rule = if in_parameter {
            parameter_rule(key)
        } else {
            ROOT_TEXT_FIELDS.iter().find(|rule| rule.key == key)
        };
        let kind = match key {
            "operate_key" if !in_parameter => Some(Kind::Text { max: 255 }),
            _ => rule.map(|rule| rule.kind),
        };
        let max_length = match (kind, &field.control) {
            (Some(Kind::Text { max }), Control::Text(_)) => Some(max),
            _ => None,
        };
        placements.push(Placement {
            field: index,
            in_parameter,
            key: key.to_owned(),
            value: coerce(&field.control, kind),
            max_length,
            trimmed: rule.is_some_and(|rule| rule.trimmed),
            sends: false,
        });
    }
    choose_senders(fields, &mut placements);
    placements
}

/// Which of the controls of one key is sent, of those with a value: a checked checkbox;
/// else the last other control, as `new FormData` read into an object keeps the last;
/// else the last (an unchecked checkbox's `false`). So the hidden `false` beside a
/// checkbox means "unchecked" on either side of it: before it (Rails' `check_box`), and
/// after it (ASP.NET MVC's `CheckBoxFor`, whose ticked box the last would undo).
fn choose_senders(fields: &[Field<'_>], placements: &mut [Placement]) {
    for at in 0..placements.len() {
        let (in_parameter, first) = (placements[at].in_parameter, placements[at].field);
        // Each key once, from its first control; three choices in one pass over it.
        let mut ticked = None;
        let mut other = None;
        let mut last = None;
        for (i, p) in placements.iter().enumerate() {
            if p.in_parameter != in_parameter || p.key != placements[at].key {
                continue;
            }
            if p.field < first {
                break; // not its first control: chosen already
            }
            if p.value == Coerced::Absent {
                continue;
            }
            match fields[p.field].control {
                Control::Checkbox(true) => {
                    ticked.get_or_insert(i);
                }
                Control::Checkbox(false) => {}
                _ => other = Some(i),
            }
            last = Some(i);
        }
        if let Some(sender) = ticked.or(other).or(last) {
            placements[sender].sends = true;
        }
    }
}

/// The wire value of a control for a field of `kind` (`None`: a key no rule knows).
fn coerce(control: &Control<'_>, kind: Option<Kind>) -> Coerced {
    match (kind, control) {
        (_, Control::Checkbox(checked)) => Coerced::Bool(*checked),
        (_, Control::Choice(None)) | (_, Control::DateTime(None)) => Coerced::Absent,
        (_, Control::DateTime(Some(ms))) => Coerced::Number(*ms),
        (_, Control::Number { value: Some(n), .. }) => Coerced::Number(*n),
        (
            _,
            Control::Number {
                value: None,
                bad_input: true,
            },
        ) => Coerced::Number(f64::NAN),
        (
            _,
            Control::Number {
                value: None,
                bad_input: false,
            },
        ) => Coerced::Absent,
        (Some(Kind::Bool), Control::Choice(Some(text)) | Control::Text(text)) => match *text {
            "true" => Coerced::Bool(true),
            "false" => Coerced::Bool(false),
            "" => Coerced::Absent,
            // Kept as typed: validation says it is not a boolean.
            _ => Coerced::Original,
        },
        (Some(Kind::EpochMillis { .. }), Control::Text(text) | Control::Choice(Some(text))) => {
            let trimmed = text.trim();
            // A minus too: "-1" is a number below the range, as a number input gives it,
            // not "a string".
            let (sign, digits) = match trimmed.strip_prefix('-') {
                Some(digits) => (-1.0, digits),
                None => (1.0, trimmed),
            };
            if trimmed.is_empty() {
                Coerced::Absent
            } else if !digits.is_empty()
                && digits.len() <= 15
                && digits.bytes().all(|b| b.is_ascii_digit())
            {
                // At most 15 digits: exact as an f64.
                let n = digits
                    .bytes()
                    .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
                if sign < 0.0 && n == 0 {
                    // "-0" is no number a user means: said as typed.
                    Coerced::Original
                } else {
                    Coerced::Number(sign * n as f64)
                }
            } else {
                Coerced::Original
            }
        }
        (_, Control::Choice(Some(_)) | Control::Text(_)) => Coerced::Original,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(name: &'a str, control: Control<'a>) -> Field<'a> {
        Field { name, control }
    }

    fn summary(placements: &[Placement]) -> Vec<(String, Coerced)> {
        placements.iter().map(|p| (p.path(), p.value)).collect()
    }

    #[test]
    fn a_solution_form() {
        let fields = [
            field("incident_num", Control::Text("IM1")),
            field("operator", Control::Text(" op ")),
            field("operate_key", Control::Text("commitSolution1")),
            field("q", Control::Text("search box")),
            field(
                "mtm_type",
                Control::Choice(Some("inc_type_p_config_issues")),
            ),
            field("is_service_interrupt", Control::Checkbox(false)),
            field("cause", Control::Text("  disk full\n")),
            field("start_time", Control::DateTime(Some(1_711_000_000_000.0))),
            field("fault_recovery_time", Control::DateTime(None)),
            field(
                "virtual_confirm_comment",
                Control::Text("another form's field"),
            ),
        ];
        assert_eq!(
            summary(&place(&fields)),
            vec![
                ("incident_num".into(), Coerced::Original),
                ("operator".into(), Coerced::Original),
                ("operate_key".into(), Coerced::Original),
                ("parameter.mtm_type".into(), Coerced::Original),
                (
                    "parameter.is_service_interrupt".into(),
                    Coerced::Bool(false)
                ),
                ("parameter.cause".into(), Coerced::Original),
                (
                    "parameter.start_time".into(),
                    Coerced::Number(1_711_000_000_000.0)
                ),
                ("parameter.fault_recovery_time".into(), Coerced::Absent),
            ]
        );
        let limits: Vec<_> = place(&fields).iter().map(|p| p.max_length).collect();
        assert_eq!(
            limits,
            // mtm_type is chosen (a select): no counter.
            vec![
                Some(255),
                Some(255),
                Some(255),
                None,
                None,
                Some(10_000),
                None,
                None
            ]
        );
    }

    #[test]
    fn rules_and_paths_belong_to_their_table() {
        let fields = [
            field("operate_key", Control::Text("confirm")),
            field("parameter.operator", Control::Text("x")),
            field("parameter.start_time", Control::Text("12")),
            field("parameter.a.b", Control::Text("y")),
        ];
        let placed = place(&fields);
        // Not the root's operator, not commitSolution1's start_time: keys no rule knows.
        assert_eq!(placed[1].max_length, None);
        assert_eq!(placed[2].value, Coerced::Original);
        assert_eq!(placed[1].path(), "parameter.operator");
        assert_eq!(placed[3].path(), "parameter[\"a.b\"]");
    }

    #[test]
    fn booleans_from_choices_and_text() {
        let verify = |control| {
            let fields = [
                field("operate_key", Control::Text("confirm")),
                field("virtual_confirm_result", control),
            ];
            place(&fields)[1].value
        };
        assert_eq!(verify(Control::Choice(Some("true"))), Coerced::Bool(true));
        assert_eq!(verify(Control::Choice(Some("false"))), Coerced::Bool(false));
        assert_eq!(verify(Control::Choice(None)), Coerced::Absent);
        assert_eq!(verify(Control::Text("yes")), Coerced::Original);
        assert_eq!(verify(Control::Checkbox(true)), Coerced::Bool(true));
    }

    #[test]
    fn epoch_fields_from_text_and_numbers() {
        let solution = |control| {
            let fields = [
                field("operate_key", Control::Text("commitSolution1")),
                field("start_time", control),
            ];
            place(&fields)[1].value
        };
        assert_eq!(
            solution(Control::Text(" 1711000000000 ")),
            Coerced::Number(1_711_000_000_000.0)
        );
        assert_eq!(solution(Control::Text("")), Coerced::Absent);
        assert_eq!(solution(Control::Text(" -1")), Coerced::Number(-1.0));
        assert_eq!(solution(Control::Text("-")), Coerced::Original);
        assert_eq!(solution(Control::Text("--1")), Coerced::Original);
        assert_eq!(solution(Control::Text("-0")), Coerced::Original);
        assert_eq!(solution(Control::Text("yesterday")), Coerced::Original);
        assert_eq!(
            solution(Control::Number {
                value: Some(5.0),
                bad_input: false
            }),
            Coerced::Number(5.0)
        );
        assert_eq!(
            solution(Control::Number {
                value: None,
                bad_input: false
            }),
            Coerced::Absent
        );
        assert!(
            matches!(solution(Control::Number { value: None, bad_input: true }), Coerced::Number(n) if n.is_nan())
        );
    }

    /// What the request holds: the sent placements' keys and values.
    fn sent(placements: &[Placement]) -> Vec<(String, Coerced)> {
        placements
            .iter()
            .filter(|p| p.sends)
            .map(|p| (p.path(), p.value))
            .collect()
    }

    #[test]
    fn a_checkbox_and_its_hidden_false_on_either_side() {
        for checked in [true, false] {
            let box_ = Control::Checkbox(checked);
            let hidden = Control::Text("false");
            for pair in [[box_.clone(), hidden.clone()], [hidden, box_]] {
                let fields = [
                    field("operate_key", Control::Text("confirm")),
                    field("virtual_confirm_result", pair[0].clone()),
                    field("virtual_confirm_result", pair[1].clone()),
                ];
                assert_eq!(
                    sent(&place(&fields)),
                    vec![
                        ("operate_key".into(), Coerced::Original),
                        (
                            "parameter.virtual_confirm_result".into(),
                            Coerced::Bool(checked)
                        ),
                    ],
                    "{pair:?}"
                );
            }
        }
    }

    #[test]
    fn of_other_controls_of_one_name_the_last_with_a_value_is_sent() {
        let fields = [
            field("operate_key", Control::Text("confirm")),
            field("virtual_confirm_comment", Control::Text("first")),
            field("virtual_confirm_comment", Control::Text("last")),
            field("virtual_confirm_result", Control::Text("true")),
            // Radios with none chosen hold nothing: the text before them is sent.
            field("virtual_confirm_result", Control::Choice(None)),
        ];
        let placed = place(&fields);
        assert_eq!(
            placed.iter().map(|p| p.sends).collect::<Vec<_>>(),
            vec![true, false, true, true, false]
        );
        // Two unchecked checkboxes: the last one's false.
        let fields = [
            field("is_service_interrupt", Control::Checkbox(false)),
            field("is_service_interrupt", Control::Checkbox(false)),
        ];
        let placed = place(&fields);
        assert_eq!(
            placed.iter().map(|p| p.sends).collect::<Vec<_>>(),
            vec![false, true]
        );
    }

    #[test]
    fn the_operation_is_the_one_sent() {
        // A hidden default, then the button that submitted the form: the button's.
        let fields = [
            field("operate_key", Control::Text("confirm")),
            field("cause", Control::Text("disk")),
            field("operate_key", Control::Choice(Some("commitSolution1"))),
        ];
        let placed = place(&fields);
        assert_eq!(
            sent(&placed),
            vec![
                ("parameter.cause".into(), Coerced::Original),
                ("operate_key".into(), Coerced::Original),
            ]
        );
        assert_eq!(placed[2].field, 2);
    }

    #[test]
    fn a_text_chosen_has_no_counter() {
        let fields = [
            field("operate_key", Control::Choice(Some("confirm"))),
            field("operator", Control::Text("op")),
            field("virtual_confirm_comment", Control::Choice(Some("ok"))),
        ];
        let limits: Vec<_> = place(&fields).iter().map(|p| p.max_length).collect();
        assert_eq!(limits, vec![None, Some(255), None]);
    }

    #[test]
    fn explicit_parameter_names_and_unknown_operations() {
        let fields = [
            field("operate_key", Control::Text("confrm")),
            field("cause", Control::Text("c")),
            field("parameter.ticket_tag", Control::Text("t")),
        ];
        assert_eq!(
            summary(&place(&fields)),
            vec![
                ("operate_key".into(), Coerced::Original),
                ("parameter.cause".into(), Coerced::Original),
                ("parameter.ticket_tag".into(), Coerced::Original),
            ]
        );
    }
}
