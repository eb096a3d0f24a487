//! One request's abort controller: fired by the time-out or by the caller's signal,
//! always with an `Error` as its reason (gloo-net assumes fetch rejects with one),
//! and remembering which of the two fired.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

use super::errors::named_error;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    pub(super) fn set_timeout(handler: &js_sys::Function, ms: u32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    pub(super) fn clear_timeout(id: &JsValue);
}

/// Why a request stopped before its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// `timeoutMs` passed.
    Timeout,
    /// The caller's signal aborted.
    Aborted,
}

/// Aborts on time-out or on the caller's signal, until dropped.
pub struct Deadline {
    controller: AbortController,
    stopped: Rc<Cell<Option<Stop>>>,
    timer: JsValue,
    _on_timeout: Closure<dyn FnMut()>,
    on_abort: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl Deadline {
    /// Starts the clock; follows `caller` when there is one.
    pub fn start(timeout_ms: u32, caller: Option<&AbortSignal>) -> Result<Deadline, JsValue> {
        let controller = AbortController::new()?;
        let stopped = Rc::new(Cell::new(None));
        let stopper = |stop: Stop, message: &'static str| {
            let (controller, stopped) = (controller.clone(), stopped.clone());
            move || {
                if stopped.get().is_none() {
                    stopped.set(Some(stop));
                    let name = if stop == Stop::Timeout {
                        "TimeoutError"
                    } else {
                        "AbortError"
                    };
                    controller.abort_with_reason(&named_error(name, message, &[]));
                }
            }
        };
        let on_timeout = Closure::<dyn FnMut()>::new(stopper(Stop::Timeout, "time-out"));
        let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), timeout_ms);
        let on_abort = match caller {
            Some(signal) => {
                let listener = Closure::<dyn FnMut()>::new(stopper(Stop::Aborted, "aborted"));
                signal
                    .add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref())?;
                Some((signal.clone(), listener))
            }
            None => None,
        };
        Ok(Deadline {
            controller,
            stopped,
            timer,
            _on_timeout: on_timeout,
            on_abort,
        })
    }

    /// The signal to give fetch.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// What stopped the request, if anything did.
    pub fn stopped(&self) -> Option<Stop> {
        self.stopped.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((signal, listener)) = &self.on_abort {
            let _ = signal
                .remove_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        }
    }
}
