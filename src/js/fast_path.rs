//! The tables of the clean-request fast path (`src/js/fast_path.js`), which the
//! package entry (`src/index.js`) installs after `init`.

use wasm_bindgen::prelude::*;

use crate::core::rules::tables_json;

/// The rule tables as JSON, for the JavaScript fast path. Internal to the package.
#[wasm_bindgen(js_name = __fastPathTables, skip_typescript)]
pub fn fast_path_tables() -> String {
    tables_json()
}
