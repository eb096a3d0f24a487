//! `readForm`: reads a `<form>`'s controls and builds the request object, with the
//! core deciding what goes where (`core::form`). Text is taken exactly as typed.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlSelectElement};

use coc_incident_core::form::{place, Coerced, Control, Field, Placement};

use super::set;

/// What one control (or radio group) holds, owned.
enum Read {
    Checkbox(bool),
    Choice(Option<String>),
    Text(String),
    DateTime(Option<f64>),
    Number { value: Option<f64>, bad_input: bool },
}

/// A named control of the form, with what it holds and its value as JavaScript has it.
pub struct FormControl {
    /// The control (for a radio group, its first radio).
    pub element: Element,
    /// A radio group's other radios, in document order (none for any other control):
    /// what is said of the group (aria-invalid, aria-describedby) is said on each.
    others: Vec<Element>,
    /// Its `name`.
    pub name: String,
    read: Read,
    /// The value exactly as the DOM holds it, for `Coerced::Original`.
    original: JsValue,
}

impl FormControl {
    /// The value as the DOM holds it (for a radio group, the chosen radio's).
    pub fn value(&self) -> &JsValue {
        &self.original
    }

    /// A radio group's radios after its first (`element`); none for another control.
    pub fn others(&self) -> &[Element] {
        &self.others
    }
}

// The form's controls from HTMLFormElement's own getter: `form.elements` is the control
// of that name when the form has one (a form's named controls hide its properties), and
// the form would then read as empty, with no word of why. Looked up at the first call,
// not when the module loads: Node and workers load it too, and have no HTMLFormElement.
#[wasm_bindgen(inline_js = "let elements;
export function form_elements(form) {
  elements ??= Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'elements').get;
  return elements.call(form);
}")]
extern "C" {
    pub fn form_elements(form: &HtmlFormElement) -> web_sys::HtmlCollection;
}

/// Control types that are never part of a request.
const SKIPPED_TYPES: &[&str] = &["button", "submit", "reset", "image", "file"];

/// The form's named, enabled controls, radio groups merged, in document order; and
/// `submitter` among them, in its place, when it is a submit button of the form with a
/// name (a "Resolved" / "Not resolved" pair), as a submission takes its name and value
/// (see `submitter_entry`: anything else there is no control).
pub fn controls(form: &HtmlFormElement, submitter: &JsValue) -> Vec<FormControl> {
    let elements = form_elements(form);
    let mut out: Vec<FormControl> = Vec::new();
    for index in 0..elements.length() {
        let Some(element) = elements.item(index) else {
            continue;
        };
        let name = element.get_attribute("name").unwrap_or_default();
        let disabled = element.matches(":disabled").unwrap_or(false);
        let tag = element.tag_name();
        let submits = AsRef::<JsValue>::as_ref(&element) == submitter;
        // A form-associated custom element (a design system's text field or checkbox,
        // built on ElementInternals): the only listed elements whose name has a hyphen.
        let custom = tag.contains('-');
        if name.is_empty()
            || disabled
            || !(submits || custom || matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
        {
            continue;
        }
        let value =
            Reflect::get(&element, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        let text = value.as_string().unwrap_or_default();
        // A custom element is read by the properties such elements share with the
        // native ones: a boolean `checked` is a radio's when another custom element of
        // the form has its name, enabled (a group: md-radio, say), else a checkbox's; else a
        // string `value` is a text field's; one with neither holds nothing to read.
        let custom_checked = if custom {
            Reflect::get(&element, &JsValue::from_str("checked"))
                .ok()
                .and_then(|c| c.as_bool())
        } else {
            None
        };
        let radio = if custom {
            custom_checked.filter(|_| {
                (0..elements.length())
                    .filter_map(|i| elements.item(i))
                    .any(|other| {
                        other != element
                            && other.tag_name().contains('-')
                            && other.get_attribute("name").as_deref() == Some(name.as_str())
                            && !other.matches(":disabled").unwrap_or(true)
                    })
            })
        } else {
            element
                .dyn_ref::<HtmlInputElement>()
                .filter(|input| input.type_() == "radio")
                .map(HtmlInputElement::checked)
        };
        if let (Some(checked), false) = (radio, submits) {
            // A radio joins its group (the first of its name), whose choice is the
            // one checked.
            if let Some(group) = out
                .iter_mut()
                .find(|c| c.name == name && matches!(c.read, Read::Choice(_)))
            {
                if checked {
                    group.read = Read::Choice(Some(text));
                    group.original = value;
                }
                group.others.push(element);
                continue;
            }
            out.push(FormControl {
                element,
                others: Vec::new(),
                name,
                read: Read::Choice(checked.then_some(text)),
                original: value,
            });
            continue;
        }
        let read = if submits {
            Read::Choice(Some(text))
        } else if custom {
            match (custom_checked, value.is_string()) {
                (Some(checked), _) => Read::Checkbox(checked),
                (None, true) => Read::Text(text),
                (None, false) => continue,
            }
        } else if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                kind if SKIPPED_TYPES.contains(&kind) => continue,
                "checkbox" => Read::Checkbox(input.checked()),
                // A local date and time, read in the user's time zone; a date, as its
                // start there (a date alone, JavaScript reads as UTC's midnight).
                // One JavaScript cannot read (a year past 9999) is NaN, which validation
                // reports, rather than nothing.
                kind @ ("datetime-local" | "date") if !text.is_empty() => {
                    let local = if kind == "date" {
                        text.clone() + "T00:00"
                    } else {
                        text
                    };
                    Read::DateTime(Some(js_sys::Date::parse(&local)))
                }
                // Empty, or typed in part (a date with no time yet), which the browser
                // gives as "" too: that is NaN, reported, not a time left out unsaid.
                "datetime-local" | "date" => {
                    Read::DateTime(input.validity().bad_input().then_some(f64::NAN))
                }
                "number" | "range" => Read::Number {
                    value: Some(input.value_as_number()).filter(|n| !n.is_nan()),
                    bad_input: input.validity().bad_input(),
                },
                _ => Read::Text(text),
            }
        } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
            // A disabled option chosen (a placeholder, `<option disabled selected>Choose…`,
            // whose text the select gives as its value) is no choice, as a submission
            // leaves it out. (Of a multiple select, only the first chosen is read.)
            let chosen = u32::try_from(select.selected_index())
                .ok()
                .and_then(|i| select.item(i));
            let disabled = chosen.is_none_or(|option| option.matches(":disabled").unwrap_or(true));
            Read::Choice(Some(text).filter(|t| !t.is_empty() && !disabled))
        } else {
            Read::Text(text)
        };
        out.push(FormControl {
            element,
            others: Vec::new(),
            name,
            read,
            original: value,
        });
    }
    out
}

// What `button` is to `form`, as `new FormData(form, button)` takes it: 0 nothing
// (null, undefined), 1 no submit button (a TypeError there), 2 a submit button of
// another form (a NotFoundError), 3 one whose name and value are no entry (none, an
// image button's, which gives coordinates), 4 one whose name and value are.
#[wasm_bindgen(inline_js = "export function submitter_kind(form, button) {
  if (button == null) return 0;
  if (typeof button.matches !== 'function' || !/^(submit|image)$/.test(button.type)) return 1;
  if (button.form !== form) return 2;
  return button.type === 'submit' && button.name !== '' ? 4 : 3;
}")]
extern "C" {
    fn submitter_kind(form: &HtmlFormElement, button: &JsValue) -> u8;
}

/// The button to read among a form's controls for `submitter`, or undefined (none, or
/// one that gives no entry); what is no submit button of the form is an error, as
/// FormData's.
pub fn submitter_entry(form: &HtmlFormElement, submitter: &JsValue) -> Result<JsValue, JsValue> {
    match submitter_kind(form, submitter) {
        1 => Err(super::errors::type_error(
            "submitter must be a submit button",
        )),
        2 => Err(super::errors::named_error(
            "NotFoundError",
            "submitter is not a submit button of this form",
            &[],
        )),
        4 => Ok(submitter.clone()),
        _ => Ok(JsValue::UNDEFINED),
    }
}

/// Where each control goes.
pub fn placements(controls: &[FormControl]) -> Vec<Placement> {
    let fields: Vec<Field<'_>> = controls
        .iter()
        .map(|c| Field {
            name: &c.name,
            control: match &c.read {
                Read::Checkbox(checked) => Control::Checkbox(*checked),
                Read::Choice(choice) => Control::Choice(choice.as_deref()),
                Read::Text(text) => Control::Text(text),
                Read::DateTime(ms) => Control::DateTime(*ms),
                Read::Number { value, bad_input } => Control::Number {
                    value: *value,
                    bad_input: *bad_input,
                },
            },
        })
        .collect();
    place(&fields)
}

/// The request object the controls hold.
pub fn request(controls: &[FormControl], placements: &[Placement]) -> JsValue {
    let root = Object::new();
    let mut parameter: Option<Object> = None;
    for placement in placements {
        if !placement.sends {
            continue;
        }
        let value = match placement.value {
            Coerced::Original => controls[placement.field].original.clone(),
            Coerced::Bool(b) => JsValue::from_bool(b),
            Coerced::Number(n) => JsValue::from_f64(n),
            Coerced::Absent => continue,
        };
        let target = if placement.in_parameter {
            parameter.get_or_insert_with(Object::new)
        } else {
            &root
        };
        set(target, &placement.key, &value);
    }
    if let Some(parameter) = parameter {
        set(&root, "parameter", &parameter);
    }
    root.into()
}

/// The form element behind a JavaScript value, or a `TypeError`.
pub fn as_form(value: &JsValue) -> Result<HtmlFormElement, JsValue> {
    value
        .dyn_ref::<HtmlFormElement>()
        .cloned()
        .ok_or_else(|| super::errors::type_error("expected a <form> element"))
}

/// `readForm(form, submitter?)`: the request a form holds; with the button that
/// submits it, as `new FormData(form, submitter)` takes that button's name and value.
#[wasm_bindgen(js_name = readForm, skip_typescript)]
pub fn read_form(form: JsValue, submitter: JsValue) -> Result<JsValue, JsValue> {
    let form = as_form(&form)?;
    let controls = controls(&form, &submitter_entry(&form, &submitter)?);
    Ok(request(&controls, &placements(&controls)))
}
