//! `bindForm`: live validation of a portal's form. Messages through
//! `setCustomValidity`, `aria-invalid` and `aria-describedby`; a counter for every
//! limited text field; submit blocked while invalid, then sent through a client;
//! outcomes as DOM events. `destroy()` undoes all of it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{CustomEvent, CustomEventInit, Element, Event, HtmlElement, HtmlFormElement};

use crate::core::form::Placement;
use crate::core::validate::{validate, ValidateOptions};
use crate::core::violation::{Report, Violation};

use super::errors::config_error;
use super::form::{as_form, controls, placements, request, FormControl};
use super::options::{Options, BIND_KEYS};
use super::read::read;
use super::{report_to_js, set};

thread_local! {
    /// Makes element ids unique when several forms are bound on one page.
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// What was on an element before the binding touched it, to put back on `destroy`.
struct Touched {
    element: Element,
    describedby: Option<String>,
}

/// A portal's own `[data-coc-*-for]` element the binding writes into, with the
/// attributes it may change there as they were.
struct Adopted {
    element: Element,
    id: Option<String>,
    class: Option<String>,
}

struct Decoration {
    name: String,
    message: Option<Element>,
    counter: Option<Element>,
    /// Elements the binding made, removed on `destroy`.
    created: Vec<Element>,
    /// The portal's elements it used, emptied and given back their `id` and `class`.
    adopted: Vec<Adopted>,
}

struct State {
    form: HtmlFormElement,
    options: ValidateOptions,
    client: Option<JsValue>,
    uid: u32,
    touched_names: Vec<String>,
    show_all: bool,
    busy: bool,
    no_validate_before: bool,
    decorations: Vec<Decoration>,
    restore: Vec<Touched>,
    summary_items: Vec<Element>,
    destroyed: bool,
}

/// An event type and the handler the binding added for it.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// A live binding; `destroy()` removes everything it added.
#[wasm_bindgen(skip_typescript)]
pub struct FormBinding {
    state: Rc<RefCell<State>>,
    listeners: RefCell<Vec<Listener>>,
    submit_guard: Function,
    after_reset: Rc<Timer>,
}

#[wasm_bindgen(
    inline_js = "export function submit_guard() { return (event) => event.preventDefault(); }"
)]
extern "C" {
    /// A fresh `submit` listener that only prevents the default, written in JavaScript.
    fn submit_guard() -> Function;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A closure run once by `setTimeout`, at most one run pending. Cancelling (or
/// dropping) it clears the pending timeout, so a freed closure is never called.
struct Timer {
    callback: Closure<dyn FnMut()>,
    pending: Rc<Cell<Option<JsValue>>>,
}

impl Timer {
    fn new(mut action: impl FnMut() + 'static) -> Timer {
        let pending = Rc::new(Cell::new(None));
        let callback = Closure::<dyn FnMut()>::new({
            let pending = pending.clone();
            move || {
                pending.set(None);
                action();
            }
        });
        Timer { callback, pending }
    }

    /// Runs the action after the current task (once, however often this is called).
    fn schedule(&self) {
        self.cancel();
        let id = super::deadline::set_timeout(self.callback.as_ref().unchecked_ref(), 0);
        self.pending.set(Some(id));
    }

    fn cancel(&self) {
        if let Some(id) = self.pending.take() {
            clear_timeout(&id);
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// `bindForm(form, options)`.
#[wasm_bindgen(js_name = bindForm, skip_typescript)]
pub fn bind_form(form: JsValue, options: JsValue) -> Result<FormBinding, JsValue> {
    let form = as_form(&form)?;
    let options = Options::read(&options, BIND_KEYS).map_err(|e| config_error(&e))?;
    let validate_options = options.validate_options().map_err(|e| config_error(&e))?;
    let client = options.raw("client");
    let client = if client.is_undefined() || client.is_null() {
        None
    } else if Reflect::get(&client, &JsValue::from_str("handle"))
        .map(|h| h.is_function())
        .unwrap_or(false)
    {
        Some(client)
    } else {
        let error = crate::ConfigError::new(
            "client",
            "client must be an IncidentClient (an object with handle(request))",
        );
        return Err(config_error(&error));
    };
    let uid = NEXT_ID.with(|id| {
        let uid = id.get();
        id.set(uid + 1);
        uid
    });
    let no_validate_before = form.no_validate();
    // Our messages replace the browser's bubbles; `destroy` puts this back.
    form.set_no_validate(true);
    let state = Rc::new(RefCell::new(State {
        form: form.clone(),
        options: validate_options,
        client,
        uid,
        touched_names: Vec::new(),
        show_all: false,
        busy: false,
        no_validate_before,
        decorations: Vec::new(),
        restore: Vec::new(),
        summary_items: Vec::new(),
        destroyed: false,
    }));
    let binding = FormBinding {
        state: state.clone(),
        listeners: RefCell::new(Vec::new()),
        submit_guard: submit_guard(),
        after_reset: Rc::new(Timer::new({
            let state = state.clone();
            move || {
                if !state.borrow().destroyed {
                    refresh(&state);
                }
            }
        })),
    };
    // Not on focusout: a message appearing as a field loses focus would move the
    // submit button from under the pointer between mousedown and mouseup.
    for kind in ["input", "change"] {
        let state = state.clone();
        binding.listen(&form, kind, move |event| {
            if let Some(name) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.get_attribute("name"))
            {
                let mut s = state.borrow_mut();
                if !s.touched_names.contains(&name) {
                    s.touched_names.push(name);
                }
            }
            refresh(&state);
        })?;
    }
    // A reset empties the fields after its event: start afresh once it has.
    let reset_state = state.clone();
    let after_reset = binding.after_reset.clone();
    binding.listen(&form, "reset", move |_| {
        {
            let mut s = reset_state.borrow_mut();
            s.touched_names.clear();
            s.show_all = false;
        }
        after_reset.schedule();
    })?;
    // The native submission is stopped in plain JavaScript, before and apart from the
    // Rust handler: were that to throw (an instance that trapped, say), a bound form
    // must still not fall back to a GET that puts every field in the page's URL.
    form.add_event_listener_with_callback("submit", &binding.submit_guard)?;
    let submit_state = state.clone();
    binding.listen(&form, "submit", move |_| submit(&submit_state))?;
    refresh(&state);
    Ok(binding)
}

#[wasm_bindgen]
impl FormBinding {
    /// Validates now and shows every message; returns the report.
    pub fn validate(&self) -> JsValue {
        self.state.borrow_mut().show_all = true;
        report_to_js(&refresh(&self.state))
    }

    /// Removes every listener, element and attribute the binding added. Once only:
    /// a later call (or the drop when JavaScript frees the binding) must not undo
    /// what a newer binding of the same form did.
    pub fn destroy(&self) {
        if std::mem::replace(&mut self.state.borrow_mut().destroyed, true) {
            return;
        }
        self.after_reset.cancel();
        let form = self.state.borrow().form.clone();
        let _ = form.remove_event_listener_with_callback("submit", &self.submit_guard);
        for (kind, listener) in self.listeners.borrow_mut().drain(..) {
            let _ =
                form.remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        let mut s = self.state.borrow_mut();
        for control in controls(&form) {
            set_custom_validity(&control.element, "");
        }
        for touched in s.restore.drain(..) {
            let _ = touched.element.remove_attribute("aria-invalid");
            restore_attribute(&touched.element, "aria-describedby", touched.describedby);
        }
        for decoration in s.decorations.drain(..) {
            for element in decoration.created {
                element.remove();
            }
            for adopted in decoration.adopted {
                adopted.element.set_text_content(None);
                restore_attribute(&adopted.element, "id", adopted.id);
                restore_attribute(&adopted.element, "class", adopted.class);
            }
        }
        for item in s.summary_items.drain(..) {
            item.remove();
        }
        form.set_no_validate(s.no_validate_before);
    }
}

impl Drop for FormBinding {
    /// `free()` must not leave listeners behind that call into freed closures.
    fn drop(&mut self) {
        self.destroy();
    }
}

impl FormBinding {
    fn listen(
        &self,
        form: &HtmlFormElement,
        kind: &'static str,
        handler: impl FnMut(Event) + 'static,
    ) -> Result<(), JsValue> {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        form.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
        self.listeners.borrow_mut().push((kind, closure));
        Ok(())
    }
}

/// Reads, validates and shows; returns the report. Fires no event.
fn refresh(state: &Rc<RefCell<State>>) -> Report {
    let mut s = state.borrow_mut();
    let controls = controls(&s.form);
    let placed = placements(&controls);
    let report = validate(&read(&request(&controls, &placed)), s.options);
    let mut shown_paths: Vec<String> = Vec::new();
    for placement in &placed {
        let control = &controls[placement.field];
        let path = placement.path();
        let errors: Vec<&Violation> = report.errors.iter().filter(|v| v.path == path).collect();
        let warnings: Vec<&Violation> = report.warnings.iter().filter(|v| v.path == path).collect();
        // A hidden input has no place to show a message: its violations go to the summary.
        if control.element.get_attribute("type").as_deref() == Some("hidden") {
            continue;
        }
        let visible = s.show_all || s.touched_names.contains(&control.name);
        let decoration = s.decoration(control, placement);
        // The browser's own validity always follows the rules; what is shown waits for a touch.
        set_custom_validity(&control.element, &join(&errors));
        if let Some(counter) = &decoration.counter {
            // The value controls() already read, not a second read of the DOM.
            let length = control
                .value()
                .dyn_ref::<js_sys::JsString>()
                .map_or(0, |v| v.length());
            let max = placement.max_length.unwrap_or(0);
            counter.set_text_content(Some(&format!("{length} / {max}")));
            let _ = counter
                .class_list()
                .toggle_with_force("coc-over", length > max);
        }
        if let Some(message) = &decoration.message {
            let shown = if !visible {
                String::new()
            } else if errors.is_empty() {
                join(&warnings)
            } else {
                join(&errors)
            };
            message.set_text_content(Some(&shown));
            let is_warning = visible && errors.is_empty() && !warnings.is_empty();
            let _ = message
                .class_list()
                .toggle_with_force("coc-warning", is_warning);
        }
        let invalid = visible && !errors.is_empty();
        let _ = if invalid {
            control.element.set_attribute("aria-invalid", "true")
        } else {
            control.element.remove_attribute("aria-invalid")
        };
        shown_paths.push(path);
    }
    // Violations with no control of their own go to the form's summary, if it has one.
    for item in s.summary_items.drain(..) {
        item.remove();
    }
    if s.show_all {
        if let Ok(Some(summary)) = s.form.query_selector("[data-coc-summary]") {
            let document = s.form.owner_document();
            for violation in report
                .errors
                .iter()
                .filter(|v| !shown_paths.contains(&v.path))
            {
                if let Some(item) = document.as_ref().and_then(|d| d.create_element("li").ok()) {
                    item.set_text_content(Some(&violation.message));
                    let _ = summary.append_with_node_1(&item);
                    s.summary_items.push(item);
                }
            }
        }
    }
    report
}

impl State {
    /// The message (and counter) elements of a control, made on first need: the
    /// portal's own `[data-coc-message-for=name]` / `[data-coc-counter-for=name]`
    /// placeholders when it has them, else new elements after the control.
    fn decoration(&mut self, control: &FormControl, placement: &Placement) -> &Decoration {
        if let Some(i) = self.decorations.iter().position(|d| d.name == control.name) {
            return &self.decorations[i];
        }
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
                control
                    .element
                    .closest("fieldset")
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| control.element.clone())
            } else {
                control.element.clone()
            };
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
                    element.set_id(&format!("coc-{}-{role}-{}", self.uid, control.name));
                }
                ids.push(element.id());
            }
        }
        let before = control.element.get_attribute("aria-describedby");
        let mut describedby: Vec<String> = before
            .iter()
            .flat_map(|b| b.split_whitespace().map(str::to_owned))
            .collect();
        for id in ids {
            if !describedby.contains(&id) {
                describedby.push(id);
            }
        }
        let _ = control
            .element
            .set_attribute("aria-describedby", &describedby.join(" "));
        self.restore.push(Touched {
            element: control.element.clone(),
            describedby: before,
        });
        self.decorations.push(Decoration {
            name: control.name.clone(),
            message,
            counter,
            created,
            adopted,
        });
        let last = self.decorations.len() - 1;
        &self.decorations[last]
    }
}

fn join(violations: &[&Violation]) -> String {
    violations
        .iter()
        .map(|v| v.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Puts an attribute back as it was: its old value, or none.
fn restore_attribute(element: &Element, name: &str, before: Option<String>) {
    let _ = match before {
        Some(value) => element.set_attribute(name, &value),
        None => element.remove_attribute(name),
    };
}

fn set_custom_validity(element: &Element, message: &str) {
    if let Ok(set) = Reflect::get(element, &JsValue::from_str("setCustomValidity")) {
        if let Some(set) = set.dyn_ref::<Function>() {
            let _ = set.call1(element, &JsValue::from_str(message));
        }
    }
}

/// A bubbling `coc:*` event with `detail`.
fn dispatch(form: &HtmlFormElement, kind: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(kind, &init) {
        let _ = form.dispatch_event(&event);
    }
}

fn submit(state: &Rc<RefCell<State>>) {
    if state.borrow().busy {
        return;
    }
    state.borrow_mut().show_all = true;
    let report = refresh(state);
    let (form, client) = {
        let s = state.borrow();
        (s.form.clone(), s.client.clone())
    };
    if !report.valid {
        // Focus fires events our listeners handle, so no borrow is held here.
        if let Ok(Some(first)) = form.query_selector("[aria-invalid=true]") {
            if let Some(first) = first.dyn_ref::<HtmlElement>() {
                let _ = first.focus();
            }
        }
        dispatch(&form, "coc:invalid", &report_to_js(&report));
        return;
    }
    let controls = controls(&form);
    let request = request(&controls, &placements(&controls));
    let Some(client) = client else {
        let detail = js_sys::Object::new();
        set(&detail, "request", &request);
        dispatch(&form, "coc:submit", &detail);
        return;
    };
    state.borrow_mut().busy = true;
    let _ = form.set_attribute("aria-busy", "true");
    let state = state.clone();
    spawn_local(async move {
        let sent = Reflect::get(&client, &JsValue::from_str("handle"))
            .and_then(|handle| handle.dyn_into::<Function>())
            .and_then(|handle| handle.call1(&client, &request));
        let outcome = match sent {
            Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await,
            Err(error) => Err(error),
        };
        state.borrow_mut().busy = false;
        let _ = form.remove_attribute("aria-busy");
        let detail = js_sys::Object::new();
        set(&detail, "request", &request);
        match outcome {
            Ok(response) => {
                set(&detail, "response", &response);
                dispatch(&form, "coc:success", &detail);
            }
            Err(error) => {
                set(&detail, "error", &error);
                dispatch(&form, "coc:error", &detail);
            }
        }
    });
}
