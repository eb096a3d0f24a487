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
    CustomEvent, CustomEventInit, Element, Event, EventTarget, HtmlElement, HtmlFormElement,
    MutationObserver, MutationObserverInit, ShadowRoot,
};

use coc_incident_core::ValidateOptions;

use super::errors::config_error;
use super::form::{
    as_form, controls, form_elements, placements, request, submitter_entry, FormControl,
};
use super::options::{Options, BIND_KEYS};
use super::{report_to_js, set};

mod show;
mod timer;

use show::{redraw, refresh, set_custom_validity, Decoration, Rendering, Touched};
use timer::Timer;

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
    /// Fields came, went or were disabled while a send was under way: redrawn once it
    /// is over.
    missed: bool,
    decorations: Vec<Decoration>,
    restore: Vec<Touched>,
    summary_items: Vec<Element>,
    /// The button of the last submit, read as one of the form's controls until a reset
    /// or another submit (a "Resolved" button clicked stays the user's choice while a
    /// comment it was blocked on is fixed).
    submitter: Option<JsValue>,
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
    /// Each listener as added to the form or to its root (a document, a shadow root),
    /// to remove it.
    listeners: Vec<(EventTarget, &'static str, Function)>,
    /// The Rust handlers behind them.
    handlers: Vec<Closure<dyn Fn(Event)>>,
    observer: Option<MutationObserver>,
    on_mutation: Closure<dyn Fn()>,
    /// Watches the form's fields come, go, and be disabled or enabled, and redraws: a
    /// framework that renders a field when a box is ticked, a portal's own listener
    /// (which runs after the binding's), its code.
    fields_observer: Option<MutationObserver>,
    on_fields: Closure<dyn Fn(js_sys::Array)>,
    /// Shared, so that one is scheduled with no borrow of the state held.
    after_reset: Rc<Timer>,
    after_detach: Rc<Timer>,
}

#[wasm_bindgen(
    inline_js = "export function submit_guard() { return (event) => event.preventDefault(); }"
)]
extern "C" {
    /// A fresh `submit` listener that only prevents the default, written in JavaScript.
    fn submit_guard() -> Function;
}

/// `bindForm(form, options)`.
#[wasm_bindgen(js_name = bindForm, skip_typescript)]
pub fn bind_form(form: JsValue, options: JsValue) -> Result<FormBinding, JsValue> {
    let form = as_form(&form)?;
    // Two bindings would each send a submit, and each restore the other's noValidate.
    let form_value: &JsValue = form.as_ref();
    if LIVE.with(|live| {
        live.borrow()
            .iter()
            .any(|b| AsRef::<JsValue>::as_ref(&b.form) == form_value)
    }) {
        return Err(super::errors::named_error(
            "UsageError",
            "this form is already bound: destroy() its binding before binding it again",
            &[],
        ));
    }
    let options = Options::read(&options, BIND_KEYS).map_err(|e| config_error(&e))?;
    let validate_options = options.validate_options().map_err(|e| config_error(&e))?;
    let client = options.raw("client");
    let client = if client.is_undefined() || client.is_null() {
        None
    } else if super::read::property(&client, &JsValue::from_str("handle"))
        .is_some_and(|h| h.is_function())
    {
        Some(client)
    } else {
        let error = coc_incident_core::ConfigError::new(
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
    redraw(&binding);
    Ok(FormBinding { binding })
}

#[wasm_bindgen]
impl FormBinding {
    /// Validates now and shows every message; returns the report. Once the binding
    /// has ended, only returns it.
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
        let on_fields = {
            let binding = binding.clone();
            Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
                if !binding.is_live() || !records.iter().any(|r| changes_fields(&r)) {
                    return;
                }
                // Not while a send is under way (a portal that disables the form meanwhile
                // would be told every field is missing), but once it is over.
                let busy = {
                    let mut s = binding.state.borrow_mut();
                    s.missed |= s.busy;
                    s.busy
                };
                if !busy {
                    redraw(&binding);
                }
            })
        };
        let after_reset = Rc::new(Timer::new({
            let binding = binding.clone();
            move || {
                redraw(&binding);
            }
        }));
        // Out of the document when the task that took it out is over: not a move.
        let after_detach = Rc::new(Timer::new({
            let binding = binding.clone();
            move || {
                if !binding.form.is_connected() {
                    binding.destroy();
                }
            }
        }));
        // Built before anything is added, so that an error below drops it and takes
        // back whatever was.
        let mut hooks = Hooks {
            listeners: Vec::new(),
            handlers: Vec::new(),
            observer: None,
            on_mutation,
            fields_observer: None,
            on_fields,
            after_reset,
            after_detach,
        };
        // Not on focusout: a message appearing as a field loses focus would move the
        // submit button from under the pointer between mousedown and mouseup. Not while
        // an input method composes (Chinese typed as pinyin): its text is not the user's
        // yet, and was counted and said wrong at each key; the text committed is, at
        // `compositionend` (which Chromium fires after its last `input`).
        //
        // A control of the form outside it (`form="…"`) sends its events to its own
        // ancestors, not the form's: they are heard at the root the form is in too
        // (its document, or its shadow root), and only theirs are taken there.
        let root = binding.form.get_root_node();
        for kind in ["input", "change", "compositionend"] {
            let on_input = Rc::new({
                let binding = binding.clone();
                move |event: Event| {
                    let composing = Reflect::get(&event, &JsValue::from_str("isComposing"))
                        .is_ok_and(|composing| composing.is_truthy());
                    if composing {
                        return;
                    }
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
                    redraw(&binding);
                }
            });
            let inside = on_input.clone();
            hooks.listen(binding.form.as_ref(), kind, move |event| inside(event))?;
            let form = binding.form.clone();
            hooks.listen(&root, kind, move |event| {
                // Asked of the control, not the form, whose methods its controls' names
                // may hide (one named `contains`).
                let form_value: &JsValue = form.as_ref();
                let outside = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .filter(|control| {
                        control
                            .closest("form")
                            .ok()
                            .flatten()
                            .as_ref()
                            .map(AsRef::<JsValue>::as_ref)
                            != Some(form_value)
                    })
                    .and_then(|control| Reflect::get(&control, &JsValue::from_str("form")).ok())
                    .is_some_and(|owner| owner == *AsRef::<JsValue>::as_ref(&form));
                if outside {
                    on_input(event);
                }
            })?;
        }
        // A reset empties the fields after its event: start afresh once it has.
        let reset = binding.clone();
        hooks.listen(binding.form.as_ref(), "reset", move |_| {
            let timer = {
                let mut s = reset.state.borrow_mut();
                s.touched_names.clear();
                s.show_all = false;
                s.submitter = None;
                s.hooks.as_ref().map(|hooks| hooks.after_reset.clone())
            };
            // Scheduled with no borrow held: `setTimeout` is the page's, and may call back.
            if let Some(timer) = timer {
                timer.schedule();
            }
        })?;
        // The native submission is stopped in plain JavaScript, before and apart from
        // the Rust handler: were that to throw (an instance that trapped, say), a bound
        // form must still not fall back to a GET that puts every field in the page's URL.
        hooks.add(binding.form.as_ref(), "submit", submit_guard())?;
        let submitting = binding.clone();
        hooks.listen(binding.form.as_ref(), "submit", move |event| {
            // The button that submitted it: none for a `requestSubmit()` with none.
            let submitter = Reflect::get(&event, &JsValue::from_str("submitter")).ok();
            submit(
                &submitting,
                submitter.filter(|s| !s.is_null() && !s.is_undefined()),
            )
        })?;
        hooks.observe(&binding.form)?;
        Ok(hooks)
    }

    /// Removal from the document ends the binding: watches the whole document, as a
    /// form leaves it when any of its ancestors does, and each shadow root the form
    /// is in, whose changes an observer of the document does not see.
    fn observe(&mut self, form: &HtmlFormElement) -> Result<(), JsValue> {
        let fields = MutationObserver::new(self.on_fields.as_ref().unchecked_ref())?;
        self.fields_observer = Some(fields.clone());
        let init = MutationObserverInit::new();
        init.set_subtree(true);
        init.set_child_list(true);
        init.set_attribute_filter(&js_sys::Array::of1(&JsValue::from_str("disabled")));
        init.set_attribute_old_value(true);
        fields.observe_with_options(form, &init)?;
        let observer = MutationObserver::new(self.on_mutation.as_ref().unchecked_ref())?;
        self.observer = Some(observer.clone());
        watch_roots(&observer, form)
    }

    fn listen(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        handler: impl Fn(Event) + 'static,
    ) -> Result<(), JsValue> {
        let handler = Closure::<dyn Fn(Event)>::new(handler);
        self.add(
            target,
            kind,
            handler.as_ref().unchecked_ref::<Function>().clone(),
        )?;
        self.handlers.push(handler);
        Ok(())
    }

    fn add(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        listener: Function,
    ) -> Result<(), JsValue> {
        target.add_event_listener_with_callback(kind, &listener)?;
        self.listeners.push((target.clone(), kind, listener));
        Ok(())
    }
}

impl Drop for Hooks {
    fn drop(&mut self) {
        for observer in self.observer.iter().chain(&self.fields_observer) {
            observer.disconnect();
        }
        for (target, kind, listener) in &self.listeners {
            let _ = target.remove_event_listener_with_callback(kind, listener);
        }
        // The timers cancel themselves as they drop, after this.
    }
}

impl Binding {
    fn is_live(&self) -> bool {
        self.state.borrow().hooks.is_some()
    }

    /// The form's controls, with the button that submitted it (`State::submitter`),
    /// read with no borrow held. One that is no longer a submit button of the form (moved,
    /// its type changed) is left out.
    fn controls(&self) -> Vec<FormControl> {
        let submitter = self.state.borrow().submitter.clone().unwrap_or_default();
        let entry = submitter_entry(&self.form, &submitter).unwrap_or_default();
        controls(&self.form, &entry)
    }

    /// Takes away everything the binding added, once; the binding is then no
    /// longer kept alive.
    fn destroy(&self) {
        // Taken in one borrow, hooks first: page code the DOM calls below run finds
        // a binding that does nothing.
        let (hooks, restore, decorations, summary_items, busy) = {
            let mut s = self.state.borrow_mut();
            let Some(hooks) = s.hooks.take() else {
                return;
            };
            (
                hooks,
                std::mem::take(&mut s.restore),
                std::mem::take(&mut s.decorations),
                std::mem::take(&mut s.summary_items),
                s.busy,
            )
        };
        let this: *const Binding = self;
        let released = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let index = live.iter().position(|b| std::ptr::eq(Rc::as_ptr(b), this));
            index.map(|i| live.swap_remove(i))
        });
        drop(hooks);
        // The controls it described, the only ones it gives a custom validity (disabled
        // since, too): the portal's own (a consent box, a search field) keep theirs.
        for touched in &restore {
            set_custom_validity(touched.element(), "");
        }
        restore.into_iter().for_each(Touched::undo);
        decorations.into_iter().for_each(Decoration::undo);
        summary_items.iter().for_each(Element::remove);
        self.form.set_no_validate(self.no_validate_before);
        // Its send, if one is under way, ends unseen: the form is no longer busy for it.
        if busy {
            let _ = self.form.remove_attribute("aria-busy");
        }
        drop(released);
    }

    /// The document changed: if the form has left it, end the binding once the
    /// task is over, unless the form is back by then.
    fn on_mutation(&self) {
        let connected = self.form.is_connected();
        let (timer, observer) = {
            let mut s = self.state.borrow_mut();
            if connected {
                s.seen_connected = true;
            }
            let left = !connected && s.seen_connected;
            let hooks = s.hooks.as_ref();
            (
                hooks
                    .filter(|_| left)
                    .map(|hooks| hooks.after_detach.clone()),
                hooks.and_then(|hooks| hooks.observer.clone()),
            )
        };
        // Moved into a shadow root it was not in: watched there too, so that leaving
        // it is seen (observing a node again changes nothing).
        if let Some(observer) = observer.filter(|_| connected) {
            let _ = watch_roots(&observer, &self.form);
        }
        // Scheduled with no borrow held: `setTimeout` is the page's, and may call back.
        if let Some(timer) = timer {
            timer.schedule();
        }
    }
}

/// Whether a mutation record says a field came, went or was disabled or enabled: a
/// `disabled` that came or went (not one set again: a portal's own observer that sets
/// it at each change of the form would redraw for ever), or nodes added or removed that
/// are or hold a named element. Not the binding's own messages, counters and summary
/// items, which have no name (else each redraw would call for another).
fn changes_fields(record: &JsValue) -> bool {
    let get = |key: &str| Reflect::get(record, &JsValue::from_str(key)).unwrap_or_default();
    if get("type").as_string().as_deref() == Some("attributes") {
        let had = !get("oldValue").is_null();
        return get("target")
            .dyn_ref::<Element>()
            .is_some_and(|target| target.has_attribute("disabled") != had);
    }
    ["addedNodes", "removedNodes"].iter().any(|key| {
        js_sys::Array::from(&get(key)).iter().any(|node| {
            node.dyn_ref::<Element>().is_some_and(|e| {
                e.has_attribute("name") || matches!(e.query_selector("[name]"), Ok(Some(_)))
            })
        })
    })
}

/// Watches the form's document and each shadow root the form is in (whose changes an
/// observer of the document does not see) for the form leaving them.
fn watch_roots(observer: &MutationObserver, form: &HtmlFormElement) -> Result<(), JsValue> {
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    let mut root = form.get_root_node();
    while let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
        observer.observe_with_options(shadow, &init)?;
        root = shadow.host().get_root_node();
    }
    if let Some(document) = form.owner_document() {
        observer.observe_with_options(&document, &init)?;
    }
    Ok(())
}

/// A bubbling `coc:*` event with `detail`. Not composed: a form in a component's shadow
/// root is the component's to hear and say on (as `<coc-incident-form>` does, with its
/// own events), not heard twice by the page.
fn dispatch(form: &HtmlFormElement, kind: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(kind, &init) {
        let _ = form.dispatch_event(&event);
    }
}

fn submit(binding: &Rc<Binding>, submitter: Option<JsValue>) {
    {
        let mut s = binding.state.borrow_mut();
        if s.busy || s.hooks.is_none() {
            return;
        }
        s.show_all = true;
        // As a submission takes it: the button of this submit, or none.
        s.submitter = submitter.clone();
    }
    let report = refresh(binding);
    if !binding.is_live() {
        // Page code the refresh ran destroyed the binding: send nothing.
        return;
    }
    let form = &binding.form;
    if !report.is_valid() {
        // The first field in error; with none (errors only on hidden inputs), the
        // summary that lists them, if the portal made it able to take focus
        // (`tabindex="-1"`): focusing anything else does nothing.
        // Among the form's controls in tree order, one outside it (`form="…"`) too
        // (by HTMLFormElement's own getter: a control named `elements` hides it).
        let elements = form_elements(form);
        let first = (0..elements.length())
            .filter_map(|i| elements.item(i))
            .find(|e| e.get_attribute("aria-invalid").as_deref() == Some("true"))
            .or_else(|| form.query_selector("[data-coc-summary]").ok().flatten());
        if let Some(first) = first.as_ref().and_then(|f| f.dyn_ref::<HtmlElement>()) {
            let _ = first.focus();
        }
        dispatch(form, "coc:invalid", &report_to_js(&report));
        return;
    }
    // The form's own constraints (`required`, `pattern`… on the portal's controls, a
    // consent box say), which the binding's noValidate took from the browser's submit:
    // the browser says the first that fails, at its control, and nothing is sent.
    // Only where a native submit would check them: not in a form that had `novalidate`
    // before it was bound, nor for a button with `formnovalidate`.
    let no_validate = binding.no_validate_before
        || submitter.as_ref().is_some_and(|button| {
            Reflect::get(button, &JsValue::from_str("formNoValidate")).is_ok_and(|v| v.is_truthy())
        });
    if !no_validate && !form.report_validity() {
        return;
    }
    let controls = binding.controls();
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
        // A destroyed binding took its aria-busy away already; the form may be bound
        // again since, and busy with that binding's send.
        if binding.is_live() {
            let _ = form.remove_attribute("aria-busy");
        }
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
        // What changed in the form during the send, after the portal's listeners have
        // put it back as it wants it.
        let missed = std::mem::take(&mut binding.state.borrow_mut().missed);
        if missed && binding.is_live() {
            redraw(&binding);
        }
    });
}
