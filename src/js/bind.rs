//! `bindForm`: live validation of a portal's form. Messages through
//! `setCustomValidity`, `aria-invalid` and `aria-describedby`; a counter for every
//! limited text field; submit blocked while invalid, then sent through a client;
//! outcomes as DOM events. `destroy()` undoes all of it, and so does the form
//! leaving the document; nothing else ends a binding.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, HtmlElement, HtmlFormElement, MutationObserver,
    MutationObserverInit,
};

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
    /// Every live binding. This, not the handle `bindForm` returns, keeps a binding
    /// alive: JavaScript dropping the handle (or a garbage collection of it) must not
    /// take away what the portal set up.
    static LIVE: RefCell<Vec<Rc<Binding>>> = const { RefCell::new(Vec::new()) };
}

/// A form's binding: what never changes, and its state.
struct Binding {
    form: HtmlFormElement,
    options: ValidateOptions,
    client: Option<JsValue>,
    uid: u32,
    no_validate_before: bool,
    state: RefCell<State>,
    rendering: Cell<Rendering>,
}

/// What changes. Borrowed only to read or update it, never across a DOM call: those
/// may run page code (a custom element's callbacks, a patched `setCustomValidity`,
/// an event listener) that calls back into the binding.
#[derive(Default)]
struct State {
    /// Present from `bindForm` until `destroy()`: the binding is live while it is.
    hooks: Option<Hooks>,
    /// Whether the form was in the document, so that leaving it means something.
    seen_connected: bool,
    touched_names: Vec<String>,
    show_all: bool,
    busy: bool,
    decorations: Vec<Decoration>,
    restore: Vec<Touched>,
    summary_items: Vec<Element>,
}

/// What `bindForm` returns: a handle on a binding, which lives until `destroy()` or
/// until its form leaves the document. Freeing the handle (`free()`, or its garbage
/// collection) leaves the form bound.
#[wasm_bindgen(skip_typescript)]
pub struct FormBinding {
    binding: Rc<Binding>,
}

/// Everything a live binding added to the page that calls back into it: listeners on
/// the form, an observer of the document, timers. Dropping it takes them all away,
/// so no freed closure is ever called.
struct Hooks {
    form: HtmlFormElement,
    /// Each listener as added to the form, to remove it.
    listeners: Vec<(&'static str, Function)>,
    /// The Rust handlers behind them.
    handlers: Vec<Closure<dyn Fn(Event)>>,
    observer: Option<MutationObserver>,
    on_mutation: Closure<dyn Fn()>,
    after_reset: Timer,
    after_detach: Timer,
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

/// Whether a refresh is writing to the page, and whether page code it ran asked for
/// another meanwhile.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rendering {
    Idle,
    Writing,
    Again,
}

/// How many times a refresh goes round for page code that keeps asking for another:
/// one that asks from every pass would otherwise never let go.
const MAX_PASSES: u32 = 8;

/// A closure run once by `setTimeout`, at most one run pending. Cancelling (or
/// dropping) it clears the pending timeout, so a freed closure is never called.
struct Timer {
    callback: Closure<dyn Fn()>,
    pending: Rc<Cell<Option<JsValue>>>,
}

impl Timer {
    fn new(action: impl Fn() + 'static) -> Timer {
        let pending = Rc::new(Cell::new(None));
        let callback = Closure::<dyn Fn()>::new({
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
    let binding = Rc::new(Binding {
        form: form.clone(),
        options: validate_options,
        client,
        uid,
        no_validate_before: form.no_validate(),
        state: RefCell::new(State::default()),
        rendering: Cell::new(Rendering::Idle),
    });
    let hooks = Hooks::attach(&binding)?;
    {
        let mut s = binding.state.borrow_mut();
        s.hooks = Some(hooks);
        s.seen_connected = form.is_connected();
    }
    LIVE.with(|live| live.borrow_mut().push(binding.clone()));
    // Our messages replace the browser's bubbles; `destroy` puts this back.
    form.set_no_validate(true);
    refresh(&binding);
    Ok(FormBinding { binding })
}

#[wasm_bindgen]
impl FormBinding {
    /// Validates now and shows every message; returns the report.
    pub fn validate(&self) -> JsValue {
        self.binding.state.borrow_mut().show_all = true;
        report_to_js(&refresh(&self.binding))
    }

    /// Removes every listener, element and attribute the binding added. Once only:
    /// a later call must not undo what a newer binding of the same form did.
    pub fn destroy(&self) {
        self.binding.destroy();
    }
}

impl Hooks {
    /// Adds the binding's listeners to its form and watches the form's document.
    fn attach(binding: &Rc<Binding>) -> Result<Hooks, JsValue> {
        let on_mutation = {
            let binding = binding.clone();
            Closure::<dyn Fn()>::new(move || binding.on_mutation())
        };
        let after_reset = Timer::new({
            let binding = binding.clone();
            move || {
                refresh(&binding);
            }
        });
        // Out of the document when the task that took it out is over: not a move.
        let after_detach = Timer::new({
            let binding = binding.clone();
            move || {
                if !binding.form.is_connected() {
                    binding.destroy();
                }
            }
        });
        // Built before anything is added, so that an error below drops it and takes
        // back whatever was.
        let mut hooks = Hooks {
            form: binding.form.clone(),
            listeners: Vec::new(),
            handlers: Vec::new(),
            observer: None,
            on_mutation,
            after_reset,
            after_detach,
        };
        // Not on focusout: a message appearing as a field loses focus would move the
        // submit button from under the pointer between mousedown and mouseup.
        for kind in ["input", "change"] {
            let binding = binding.clone();
            hooks.listen(kind, move |event| {
                if let Some(name) = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.get_attribute("name"))
                {
                    let mut s = binding.state.borrow_mut();
                    if !s.touched_names.contains(&name) {
                        s.touched_names.push(name);
                    }
                }
                refresh(&binding);
            })?;
        }
        // A reset empties the fields after its event: start afresh once it has.
        let reset = binding.clone();
        hooks.listen("reset", move |_| {
            let mut s = reset.state.borrow_mut();
            s.touched_names.clear();
            s.show_all = false;
            if let Some(hooks) = &s.hooks {
                hooks.after_reset.schedule();
            }
        })?;
        // The native submission is stopped in plain JavaScript, before and apart from
        // the Rust handler: were that to throw (an instance that trapped, say), a bound
        // form must still not fall back to a GET that puts every field in the page's URL.
        hooks.add("submit", submit_guard())?;
        let submitting = binding.clone();
        hooks.listen("submit", move |_| submit(&submitting))?;
        // Removal from the document ends the binding: watch the whole document, as a
        // form leaves it when any of its ancestors does.
        if let Some(document) = binding.form.owner_document() {
            let observer = MutationObserver::new(hooks.on_mutation.as_ref().unchecked_ref())?;
            let init = MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            observer.observe_with_options(&document, &init)?;
            hooks.observer = Some(observer);
        }
        Ok(hooks)
    }

    fn listen(
        &mut self,
        kind: &'static str,
        handler: impl Fn(Event) + 'static,
    ) -> Result<(), JsValue> {
        let handler = Closure::<dyn Fn(Event)>::new(handler);
        self.add(kind, handler.as_ref().unchecked_ref::<Function>().clone())?;
        self.handlers.push(handler);
        Ok(())
    }

    fn add(&mut self, kind: &'static str, listener: Function) -> Result<(), JsValue> {
        self.form
            .add_event_listener_with_callback(kind, &listener)?;
        self.listeners.push((kind, listener));
        Ok(())
    }
}

impl Drop for Hooks {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        for (kind, listener) in &self.listeners {
            let _ = self
                .form
                .remove_event_listener_with_callback(kind, listener);
        }
        // The timers cancel themselves as they drop, after this.
    }
}

impl Binding {
    fn is_live(&self) -> bool {
        self.state.borrow().hooks.is_some()
    }

    /// Takes away everything the binding added, once; the binding is then no
    /// longer kept alive.
    fn destroy(&self) {
        // Taken in one borrow, hooks first: page code the DOM calls below run finds
        // a binding that does nothing.
        let (hooks, restore, decorations, summary_items) = {
            let mut s = self.state.borrow_mut();
            let Some(hooks) = s.hooks.take() else {
                return;
            };
            (
                hooks,
                std::mem::take(&mut s.restore),
                std::mem::take(&mut s.decorations),
                std::mem::take(&mut s.summary_items),
            )
        };
        let this: *const Binding = self;
        let released = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let index = live.iter().position(|b| std::ptr::eq(Rc::as_ptr(b), this));
            index.map(|i| live.swap_remove(i))
        });
        drop(hooks);
        for control in controls(&self.form) {
            set_custom_validity(&control.element, "");
        }
        restore.into_iter().for_each(Touched::undo);
        decorations.into_iter().for_each(Decoration::undo);
        summary_items.iter().for_each(Element::remove);
        self.form.set_no_validate(self.no_validate_before);
        drop(released);
    }

    /// The document changed: if the form has left it, end the binding once the
    /// task is over, unless the form is back by then.
    fn on_mutation(&self) {
        let connected = self.form.is_connected();
        let mut s = self.state.borrow_mut();
        if connected {
            s.seen_connected = true;
        } else if s.seen_connected {
            if let Some(hooks) = &s.hooks {
                hooks.after_detach.schedule();
            }
        }
    }
}

/// Reads, validates and shows; returns the report. Fires no event.
///
/// Page code run by the DOM calls of a refresh may call back into the binding. A
/// refresh it starts returns its report at once and leaves the showing to the one
/// running, which goes round again; a `destroy()` stops the running one's writes.
fn refresh(binding: &Binding) -> Report {
    let nested = binding.rendering.get() != Rendering::Idle;
    let mut passes = 0;
    loop {
        let controls = controls(&binding.form);
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
        for placement in placed {
            let control = &controls[placement.field];
            // A hidden input has no place to show a message: its violations go to the summary.
            if control.element.get_attribute("type").as_deref() == Some("hidden") {
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
                // The value controls() already read, not a second read of the DOM.
                let length = control
                    .value()
                    .dyn_ref::<js_sys::JsString>()
                    .map_or(0, |v| v.length());
                let max = placement.max_length.unwrap_or(0);
                self.write(|| set_text(counter, &format!("{length} / {max}")));
                self.write(|| set_class(counter, "coc-over", length > max));
            }
            if let Some(message) = &message {
                let shown = if !visible {
                    String::new()
                } else if errors.is_empty() {
                    join(&warnings)
                } else {
                    join(&errors)
                };
                let is_warning = visible && errors.is_empty() && !warnings.is_empty();
                self.write(|| set_text(message, &shown));
                self.write(|| set_class(message, "coc-warning", is_warning));
            }
            let invalid = visible && !errors.is_empty();
            self.write(|| set_flag(&control.element, "aria-invalid", invalid));
            shown_paths.push(path);
        }
        self.show_summary(report, &shown_paths, show_all);
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
            .filter(|v| !shown_paths.contains(&v.path))
        {
            if let Ok(item) = document.create_element("li") {
                item.set_text_content(Some(&violation.message));
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
        if let Some(d) = self
            .state
            .borrow()
            .decorations
            .iter()
            .find(|d| d.name == control.name)
        {
            return (d.message.clone(), d.counter.clone());
        }
        let (decoration, touched) = self.decorate(control, placement);
        let elements = (decoration.message.clone(), decoration.counter.clone());
        let mut s = self.state.borrow_mut();
        if s.hooks.is_none() {
            // By page code the DOM calls ran: take back what was just added.
            drop(s);
            touched.undo();
            decoration.undo();
            return (None, None);
        }
        s.restore.push(touched);
        s.decorations.push(decoration);
        elements
    }

    /// Makes a control's message (and counter) elements: the portal's own
    /// `[data-coc-message-for=name]` / `[data-coc-counter-for=name]` placeholders when
    /// it has them, else new elements after the control; and links them to the
    /// control with `aria-describedby`.
    fn decorate(&self, control: &FormControl, placement: &Placement) -> (Decoration, Touched) {
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
        let touched = Touched {
            element: control.element.clone(),
            describedby: before,
        };
        let decoration = Decoration {
            name: control.name.clone(),
            message,
            counter,
            created,
            adopted,
        };
        (decoration, touched)
    }
}

impl Touched {
    fn undo(self) {
        let _ = self.element.remove_attribute("aria-invalid");
        restore_attribute(&self.element, "aria-describedby", self.describedby);
    }
}

impl Decoration {
    fn undo(self) {
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
        .map(|v| v.message.as_str())
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

fn submit(binding: &Rc<Binding>) {
    {
        let mut s = binding.state.borrow_mut();
        if s.busy || s.hooks.is_none() {
            return;
        }
        s.show_all = true;
    }
    let report = refresh(binding);
    if !binding.is_live() {
        // Page code the refresh ran destroyed the binding: send nothing.
        return;
    }
    let form = &binding.form;
    if !report.errors.is_empty() {
        if let Ok(Some(first)) = form.query_selector("[aria-invalid=true]") {
            if let Some(first) = first.dyn_ref::<HtmlElement>() {
                let _ = first.focus();
            }
        }
        dispatch(form, "coc:invalid", &report_to_js(&report));
        return;
    }
    let controls = controls(form);
    let request = request(&controls, &placements(&controls));
    let Some(client) = binding.client.clone() else {
        let detail = js_sys::Object::new();
        set(&detail, "request", &request);
        dispatch(form, "coc:submit", &detail);
        return;
    };
    binding.state.borrow_mut().busy = true;
    let _ = form.set_attribute("aria-busy", "true");
    let binding = binding.clone();
    spawn_local(async move {
        let sent = Reflect::get(&client, &JsValue::from_str("handle"))
            .and_then(|handle| handle.dyn_into::<Function>())
            .and_then(|handle| handle.call1(&client, &request));
        let outcome = match sent {
            Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await,
            Err(error) => Err(error),
        };
        binding.state.borrow_mut().busy = false;
        let form = &binding.form;
        let _ = form.remove_attribute("aria-busy");
        let detail = js_sys::Object::new();
        set(&detail, "request", &request);
        match outcome {
            Ok(response) => {
                set(&detail, "response", &response);
                dispatch(form, "coc:success", &detail);
            }
            Err(error) => {
                set(&detail, "error", &error);
                dispatch(form, "coc:error", &detail);
            }
        }
    });
}
