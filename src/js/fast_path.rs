//! The clean-request fast path: `src/js/fast_path.js` answers "valid, no warning"
//! from the Rust tables without entering the validator; every other input goes to it.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

use crate::core::rules::tables_json;

#[wasm_bindgen(module = "/src/js/fast_path.js")]
extern "C" {
    fn install_fast_path(tables: &str);
    fn fast_path_clean(input: &JsValue) -> bool;
    fn fast_path_report(input: &JsValue) -> JsValue;
}

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

fn ensure_installed() {
    if !INSTALLED.with(|installed| installed.replace(true)) {
        install_fast_path(&tables_json());
    }
}

/// True only when `input` is certainly valid and draws no warning.
pub fn clean(input: &JsValue) -> bool {
    ensure_installed();
    fast_path_clean(input)
}

/// The report `{ valid: true, errors: [], warnings: [] }` when `input` is clean.
pub fn clean_report(input: &JsValue) -> Option<JsValue> {
    ensure_installed();
    Some(fast_path_report(input)).filter(|report| !report.is_undefined())
}
