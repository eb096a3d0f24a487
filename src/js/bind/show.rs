//! What a binding shows: a control's message, counter and `aria-*`, the form's
//! summary; made on first need and taken back on `destroy`.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use coc_incident_core::form::Placement;
use coc_incident_core::validate;
use coc_incident_core::{Problem, Report, Violation};

use super::Binding;
use crate::js::form::{placements, request, FormControl};
use crate::js::read::read;

/// What was on an element before the binding touched it, to put back on `destroy`.
pub(super) struct Touched {
    element: Element,
    describedby: Option<String>,
    invalid: Option<String>,
}

/// A portal's own `[data-coc-*-for]` element the binding writes into, with the
/// attributes it may change there as they were.
struct Adopted {
    element: Element,
    id: Option<String>,
    class: Option<String>,
}

pub(super) struct Decoration {
    name: String,
    message: Option<Element>,
    counter: Option<Element>,
    /// Elements the binding made, removed on `destroy`.
    created: Vec<Element>,
    /// The portal's elements it used, emptied and given back their `id` and `class`.
    adopted: Vec<Adopted>,
    /// The `id`s of `message` and `counter`, which `aria-describedby` lists.
    ids: Vec<String>,
    /// The control's elements that list them (each radio of a group, one added later
    /// too), each with what it had before in `State::restore`.
    described: Vec<Element>,
}

/// Whether a refresh is writing to the page, and whether page code it ran asked for
/// another meanwhile.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Rendering {
    Idle,
    Writing,
    Again,
}

/// How many times a refresh goes round for page code that keeps asking for another:
/// one that asks from every pass would otherwise never let go.
const MAX_PASSES: u32 = 8;

/// [`refresh`] for what it shows alone (the binding's start, an input, a reset):
/// the report is on the form, and nobody asked for it.
pub(super) fn redraw(binding: &Binding) {
    let _shown = refresh(binding);
}

/// Reads, validates and shows; returns the report. Fires no event.
///
/// Page code run by the DOM calls of a refresh may call back into the binding. A
/// refresh it starts returns its report at once and leaves the showing to the one
/// running, which goes round again; a `destroy()` stops the running one's writes.
pub(super) fn refresh(binding: &Binding) -> Report {
    let nested = binding.rendering.get() != Rendering::Idle;
    let mut passes = 0;
    loop {
        let controls = binding.controls();
        let placed = placements(&controls);
        let report = validate(&read(&request(&controls, &placed)), binding.options);
        if nested {
            binding.rendering.set(Rendering::Again);
            return report;
        }
        if !binding.is_live() {
            return report;
        }
        binding.rendering.set(Rendering::Writing);
        binding.show(&controls, &placed, &report);
        passes += 1;
        let again = binding.rendering.replace(Rendering::Idle) == Rendering::Again;
        if !again || passes == MAX_PASSES {
            return report;
        }
    }
}

impl Binding {
    /// Runs one DOM write, unless page code an earlier one ran destroyed the binding.
    fn write(&self, write: impl FnOnce()) {
        if self.is_live() {
            write();
        }
    }

    fn show(&self, controls: &[FormControl], placed: &[Placement], report: &Report) {
        let (show_all, touched_names) = {
            let s = self.state.borrow();
            (s.show_all, s.touched_names.clone())
        };
        let mut shown_paths: Vec<String> = Vec::new();
        let mut shown_names: Vec<&str> = Vec::new();
        let mut shown_elements: Vec<&Element> = Vec::new();
        for placement in placed {
            let control = &controls[placement.field];
            // A hidden input, or the button that submitted the form, has no place to show
            // a message: its violations go to the summary.
            let kind = control.element.get_attribute("type");
            if matches!(kind.as_deref(), Some("hidden" | "submit"))
                || control.element.tag_name() == "BUTTON"
            {
                continue;
            }
            if !self.is_live() {
                return;
            }
            let path = placement.path();
            let errors: Vec<&Violation> = report.errors.iter().filter(|v| v.path == path).collect();
            let warnings: Vec<&Violation> =
                report.warnings.iter().filter(|v| v.path == path).collect();
            let visible = show_all || touched_names.contains(&control.name);
            let (message, counter) = self.decoration(control, placement);
            // The browser's own validity always follows the rules; what is shown waits for a touch.
            self.write(|| set_custom_validity(&control.element, &join(&errors)));
            if let Some(counter) = &counter {
                // The value controls() already read, not a second read of the DOM,
                // counted as its rule counts it: trimmed first when the rule trims (a
                // trim is JavaScript's, as the rule's is).
                let length = control
                    .value()
                    .dyn_ref::<js_sys::JsString>()
                    .map_or(0, |v| {
                        if placement.trimmed {
                            v.trim().length()
                        } else {
                            v.length()
                        }
                    });
                let max = placement.max_length.unwrap_or(0);
                self.write(|| set_text(counter, &format!("{length} / {max}")));
                self.write(|| set_class(counter, "coc-over", length > max));
            }
            // A recommendation is said once the field it depends on is touched too
            // (ticking "the service was interrupted" asks for the times): said only at
            // its own field's touch, it was never seen, for a submit with warnings alone
            // sends at once.
            // (Its control may be named `parameter.<key>`, as readForm reads one too.)
            let prompted = warnings.iter().any(|w| {
                matches!(w.problem, Problem::Recommended { when } if touched_names.iter().any(|t| {
                    t.strip_prefix("parameter.").unwrap_or(t) == when
                }))
            });
            if let Some(message) = &message {
                let shown = if visible && !errors.is_empty() {
                    join(&errors)
                } else if (visible || prompted) && errors.is_empty() {
                    join(&warnings)
                } else {
                    String::new()
                };
                let is_warning = (visible || prompted) && errors.is_empty() && !warnings.is_empty();
                self.write(|| set_text(message, &shown));
                self.write(|| set_class(message, "coc-warning", is_warning));
            }
            let invalid = visible && !errors.is_empty();
            self.write(|| set_flag(&control.element, "aria-invalid", invalid));
            for radio in control.others() {
                self.write(|| set_flag(radio, "aria-invalid", invalid));
            }
            shown_paths.push(path);
            shown_names.push(control.name.as_str());
            shown_elements.push(&control.element);
            shown_elements.extend(control.others());
        }
        self.forget_gone(&shown_names, &shown_elements);
        self.show_summary(report, &shown_paths, show_all);
    }

    /// What was said of controls that have left the request since (disabled, another
    /// operation's field, taken out of the form) goes: their message, `aria-invalid` and
    /// custom validity, which would otherwise block a native submit after `destroy()`;
    /// and of a radio disabled in a group still shown, its `aria-invalid`.
    fn forget_gone(&self, shown_names: &[&str], shown_elements: &[&Element]) {
        // Each message and counter (true) and each described element (false), taken in
        // one borrow.
        let mut gone: Vec<(Element, bool)> = Vec::new();
        for d in &self.state.borrow().decorations {
            if !shown_names.contains(&d.name.as_str()) {
                gone.extend(
                    d.message
                        .iter()
                        .chain(&d.counter)
                        .map(|m| (m.clone(), true)),
                );
            }
            gone.extend(
                d.described
                    .iter()
                    .filter(|e| !shown_elements.contains(e))
                    .map(|e| (e.clone(), false)),
            );
        }
        for (element, text) in &gone {
            if *text {
                self.write(|| set_text(element, ""));
                self.write(|| set_class(element, "coc-over", false));
            } else {
                self.write(|| set_custom_validity(element, ""));
                self.write(|| set_flag(element, "aria-invalid", false));
            }
        }
    }

    /// Violations with no control of their own go to the form's summary, if it has one.
    fn show_summary(&self, report: &Report, shown_paths: &[String], show_all: bool) {
        let old = std::mem::take(&mut self.state.borrow_mut().summary_items);
        old.iter().for_each(Element::remove);
        if !show_all || !self.is_live() {
            return;
        }
        let Ok(Some(summary)) = self.form.query_selector("[data-coc-summary]") else {
            return;
        };
        let Some(document) = self.form.owner_document() else {
            return;
        };
        let mut items = Vec::new();
        for violation in report
            .errors
            .iter()
            .filter(|v| !shown_paths.iter().any(|shown| v.path == *shown))
        {
            if let Ok(item) = document.create_element("li") {
                item.set_text_content(Some(&violation.message()));
                let _ = summary.append_with_node_1(&item);
                items.push(item);
            }
        }
        let mut s = self.state.borrow_mut();
        if s.hooks.is_none() {
            drop(s);
            items.iter().for_each(Element::remove);
        } else {
            s.summary_items.extend(items);
        }
    }

    /// The message and counter elements of a control, made on first need.
    fn decoration(
        &self,
        control: &FormControl,
        placement: &Placement,
    ) -> (Option<Element>, Option<Element>) {
        let found = self
            .state
            .borrow()
            .decorations
            .iter()
            .position(|d| d.name == control.name);
        let found = found.filter(|&at| !self.forget_if_stale(at));
        let at = match found {
            Some(at) => at,
            None => {
                let decoration = self.decorate(control, placement);
                let mut s = self.state.borrow_mut();
                if s.hooks.is_none() {
                    // By page code the DOM calls ran: take back what was just added.
                    drop(s);
                    decoration.undo();
                    return (None, None);
                }
                s.decorations.push(decoration);
                s.decorations.len() - 1
            }
        };
        // Each of the control's elements not yet described (the control; each radio of
        // a group, one added since too). No borrow is held across the DOM calls, which
        // may run page code.
        let (elements, ids, new) = {
            let s = self.state.borrow();
            let d = &s.decorations[at];
            let mut new = Vec::new();
            if !d.described.contains(&control.element) {
                new.push(control.element.clone());
            }
            for radio in control.others() {
                if !d.described.contains(radio) {
                    new.push(radio.clone());
                }
            }
            ((d.message.clone(), d.counter.clone()), d.ids.clone(), new)
        };
        if new.is_empty() {
            return elements;
        }
        let mut touched = Vec::new();
        for element in &new {
            touched.push(described_by(element, &ids));
        }
        let mut s = self.state.borrow_mut();
        if s.hooks.is_none() {
            // Destroyed meanwhile: what was just added goes too.
            drop(s);
            touched.into_iter().for_each(Touched::undo);
            return (None, None);
        }
        let state = &mut *s;
        state.decorations[at].described.extend(new);
        state.restore.extend(touched);
        elements
    }

    /// Whether the decoration at `at` had its message or counter taken out of the
    /// form's document (a framework that renders the field again, its wrapper and what
    /// the binding put in it); if so it is forgotten, its elements' attributes given
    /// back, so that the control rendered anew is decorated anew rather than described
    /// by ids no element has.
    fn forget_if_stale(&self, at: usize) -> bool {
        let shown: Vec<Element> = {
            let s = self.state.borrow();
            let d = &s.decorations[at];
            d.message.iter().chain(&d.counter).cloned().collect()
        };
        if !self.form.is_connected() || shown.iter().all(|e| e.is_connected()) {
            return false;
        }
        let (old, touched) = {
            let mut s = self.state.borrow_mut();
            let old = s.decorations.swap_remove(at);
            let (touched, kept) = std::mem::take(&mut s.restore)
                .into_iter()
                .partition(|t: &Touched| old.described.contains(&t.element));
            s.restore = kept;
            (old, touched)
        };
        for touched in touched {
            set_custom_validity(&touched.element, "");
            touched.undo();
        }
        old.undo();
        true
    }

    /// Makes a control's message (and counter) elements: the portal's own
    /// `[data-coc-message-for=name]` / `[data-coc-counter-for=name]` placeholders when
    /// it has them, else new elements after the control; and links them to the
    /// control with `aria-describedby` (by `decoration`, which lists them on each of
    /// the control's elements).
    fn decorate(&self, control: &FormControl, placement: &Placement) -> Decoration {
        let mut created = Vec::new();
        let mut adopted = Vec::new();
        let mut make = |role: &str, class: &str| -> Option<Element> {
            let selector = format!(
                "[data-coc-{role}-for=\"{}\"]",
                control.name.replace(['"', '\\'], "")
            );
            if let Ok(Some(existing)) = self.form.query_selector(&selector) {
                adopted.push(Adopted {
                    element: existing.clone(),
                    id: existing.get_attribute("id"),
                    class: existing.get_attribute("class"),
                });
                return Some(existing);
            }
            let element = self.form.owner_document()?.create_element("span").ok()?;
            element.set_class_name(class);
            let anchor = if control.element.get_attribute("type").as_deref() == Some("radio") {
                // After the group: its own fieldset (one that holds no other control), or
                // its last radio (not between two), not after a fieldset of the whole form.
                let others = format!(
                    ":is(select, textarea, button, input:not([type=radio]), input[type=radio]:not([name=\"{}\"]))",
                    control.name.replace(['"', '\\'], "")
                );
                control
                    .element
                    .closest("fieldset")
                    .ok()
                    .flatten()
                    .filter(|fieldset| matches!(fieldset.query_selector(&others), Ok(None)))
                    .unwrap_or_else(|| control.others().last().unwrap_or(&control.element).clone())
            } else {
                control.element.clone()
            };
            // Not inside a label that holds the control: what a label holds is the
            // control's accessible name ("Operator Operator must not be blank. 0 / 255").
            let anchor = anchor.closest("label").ok().flatten().unwrap_or(anchor);
            anchor.after_with_node_1(&element).ok()?;
            created.push(element.clone());
            Some(element)
        };
        let counter = placement
            .max_length
            .and_then(|_| make("counter", "coc-counter"));
        let message = make("message", "coc-message");
        let mut ids = Vec::new();
        for (element, role) in [(message.as_ref(), "message"), (counter.as_ref(), "counter")] {
            if let Some(element) = element {
                if element.id().is_empty() {
                    element.set_id(&format!(
                        "coc-{}-{role}-{}",
                        self.uid,
                        id_part(&control.name)
                    ));
                }
                ids.push(element.id());
            }
        }
        Decoration {
            name: control.name.clone(),
            message,
            counter,
            created,
            adopted,
            ids,
            described: Vec::new(),
        }
    }
}

/// Adds `ids` to `element`'s `aria-describedby`, after the ids it lists already; what
/// it had (and its `aria-invalid`, which refreshes set) is kept to put back.
#[inline(never)] // one copy, for every element of every control
fn described_by(element: &Element, ids: &[String]) -> Touched {
    let before = element.get_attribute("aria-describedby");
    let mut describedby: Vec<String> = before
        .iter()
        // An id list is split at ASCII whitespace only (HTML's), not U+00A0.
        .flat_map(|b| {
            b.split(|c: char| c.is_ascii_whitespace())
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    for id in ids {
        if !describedby.contains(id) {
            describedby.push(id.clone());
        }
    }
    let _ = element.set_attribute("aria-describedby", &describedby.join(" "));
    Touched {
        element: element.clone(),
        describedby: before,
        invalid: element.get_attribute("aria-invalid"),
    }
}

impl Touched {
    /// The element touched (its custom validity is cleared on `destroy` too: it may have
    /// left the form's controls since, disabled, with a message still set).
    pub(super) fn element(&self) -> &Element {
        &self.element
    }

    pub(super) fn undo(self) {
        restore_attribute(&self.element, "aria-invalid", self.invalid);
        restore_attribute(&self.element, "aria-describedby", self.describedby);
    }
}

impl Decoration {
    pub(super) fn undo(self) {
        self.created.iter().for_each(Element::remove);
        for adopted in self.adopted {
            adopted.element.set_text_content(None);
            restore_attribute(&adopted.element, "id", adopted.id);
            restore_attribute(&adopted.element, "class", adopted.class);
        }
    }
}

fn join(violations: &[&Violation]) -> String {
    violations
        .iter()
        .map(|v| v.message())
        .collect::<Vec<_>>()
        .join(" ")
}

// Each write below is skipped when it would change nothing: page code that reacts to
// a change (a custom element's attributeChangedCallback, say) is not woken for nothing,
// and one that refreshes the binding from there does not go round for ever.

fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// (A forced toggle already leaves the attribute alone when it would not change.)
fn set_class(element: &Element, class: &str, on: bool) {
    let _ = element.class_list().toggle_with_force(class, on);
}

/// `name="true"` when `on`, no attribute otherwise.
fn set_flag(element: &Element, name: &str, on: bool) {
    let _ = if !on {
        if !element.has_attribute(name) {
            return;
        }
        element.remove_attribute(name)
    } else if element.get_attribute(name).as_deref() != Some("true") {
        element.set_attribute(name, "true")
    } else {
        return;
    };
}

/// Puts an attribute back as it was: its old value, or none.
fn restore_attribute(element: &Element, name: &str, before: Option<String>) {
    let _ = match before {
        Some(value) => element.set_attribute(name, &value),
        None => element.remove_attribute(name),
    };
}

pub(super) fn set_custom_validity(element: &Element, message: &str) {
    if let Ok(set) = Reflect::get(element, &JsValue::from_str("setCustomValidity")) {
        if let Some(set) = set.dyn_ref::<Function>() {
            let _ = set.call1(element, &JsValue::from_str(message));
        }
    }
}

/// A control's name as part of an element id that `aria-describedby` can list: an id
/// list is split at ASCII whitespace, so each such character (and `%`, to keep names
/// apart) goes as `%` and its code in hex.
fn id_part(name: &str) -> String {
    // By hand rather than `format!("{:02X}")`, which linked hex formatting.
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_whitespace() || c == '%' {
            let byte = c as u8; // ASCII
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        } else {
            out.push(c);
        }
    }
    out
}
