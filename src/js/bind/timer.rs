//! A closure run by `setTimeout` that is never called once freed.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::js::deadline::{clear_timeout, set_timeout};

/// A closure run once by `setTimeout`, at most one run pending. Cancelling (or
/// dropping) it clears the pending timeout, so a freed closure is never called.
pub(super) struct Timer {
    callback: Closure<dyn Fn()>,
    pending: Rc<Cell<Option<JsValue>>>,
}

impl Timer {
    pub(super) fn new(action: impl Fn() + 'static) -> Timer {
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
    pub(super) fn schedule(&self) {
        self.cancel();
        let id = set_timeout(self.callback.as_ref().unchecked_ref(), 0);
        // A patched `setTimeout` that scheduled this timer again meanwhile left a pending
        // run of its own: cleared, so that one run at most is ever pending.
        if let Some(earlier) = self.pending.replace(Some(id)) {
            clear_timeout(&earlier);
        }
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
