//! The rules of Huawei Cloud COC's incident handle request
//! (`POST /v1/external/incident/handle`): validation that reports every violation
//! with its path and a message in English or Chinese, and the exact request to send.
//!
//! Pure Rust with no `std`: no wasm, no DOM, no I/O. The npm package `coc-incident`
//! compiles it to WebAssembly; a Rust service can use it as it is.
//!
//! ```
//! use coc_incident_core::{object, validate, ValidateOptions, Value};
//!
//! let request = object! {
//!     "incident_num" => "IM1", "operator" => "op", "operate_key" => "confirn",
//! };
//! let report = validate(&Value::from(request), ValidateOptions::default());
//! assert!(!report.is_valid());
//! assert_eq!(report.errors[0].code(), "unknown_operate_key");
//! assert_eq!(
//!     report.errors[0].to_string(),
//!     "operate_key: Operation must be one of acceptedIncident1, commitSolution1, confirm. Did you mean \"confirm\"?"
//! );
//! ```
#![no_std]
// docs.rs shows which items its `serde` feature brings (Cargo.toml: docs.rs metadata).
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
// Every `pub` item is the crate's API or `internal`'s; checked with `internal` on, as
// the workspace builds it (off, what only `internal` shows would be flagged).
#![cfg_attr(feature = "internal", warn(unreachable_pub))]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

extern crate alloc;
#[cfg(test)]
extern crate std;

mod prelude {
    pub(crate) use alloc::borrow::ToOwned;
    pub(crate) use alloc::boxed::Box;
    pub(crate) use alloc::string::String;
    pub(crate) use alloc::vec::Vec;
    #[cfg(test)]
    pub(crate) use alloc::{format, vec};
}

/// A seeded generator for tests (xorshift64): the same numbers on every run.
#[cfg(test)]
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// A generated text of printable ASCII, up to `max_len` bytes, a third of them spaces
/// (so that texts are often blank, padded or of each length), for tests of the paths
/// that check such texts in one pass.
#[cfg(test)]
pub(crate) fn printable_text(
    next: &mut impl FnMut() -> u64,
    max_len: u64,
) -> alloc::string::String {
    let len = next() % (max_len + 1);
    (0..len)
        .map(|_| match next() % 3 {
            0 => ' ',
            _ => char::from(0x20 + (next() % 0x5F) as u8),
        })
        .collect()
}

mod bytes;
// The checks of a clean request, as the small module answers one: its own, beside the walk.
#[cfg(any(feature = "internal", test))]
mod clean;
pub mod form;
mod json;
mod messages;
mod options;
mod parse;
mod path;
mod problem;
mod report_json;
mod request;
pub mod response;
mod rules;
mod suggest;
mod text;
mod validate;
mod value;
mod violation;

/// What the package's own wasm crates (crates/validate-wasm, the root crate) build on:
/// not this crate's API. Only there with the `internal` feature, which they turn on;
/// it may change in any release.
#[cfg(feature = "internal")]
#[doc(hidden)]
pub mod internal {
    pub use crate::bytes::{find_byte, is_ascii, same_bytes, same_text};
    pub use crate::clean::{
        is_clean, passes, passes_utf16, printable_passes, tables_clean, Passed, Scalar,
    };
    pub use crate::messages::{Template, TEMPLATES, TYPE_PHRASES};
    pub use crate::problem::{Key, Param, CODES, PARAM_KEYS};

    /// Where a problem's code stands in [`CODES`].
    #[inline(always)]
    pub fn code_index(problem: &crate::Problem) -> usize {
        problem.code_index()
    }

    /// [`parse_json`](crate::parse_json) for the text `JSON.stringify` writes: a number
    /// that is not a whole one of at most 15 digits is not read (the package then reads
    /// the value the slow way), which keeps the float parser out of its wasm.
    pub fn parse_json_fast(text: &str) -> Result<crate::Value, crate::NotRead> {
        crate::parse::parse::<false>(text)
    }

    /// A problem's params, as its report's `params` lists them.
    #[inline(always)]
    pub fn params(problem: &crate::Problem) -> impl Iterator<Item = (Key, Param<'_>)> {
        problem.params()
    }
}

pub use messages::{Labels, Locale, TimeZone};
pub use options::{
    read_build_options, read_validate_options, BuildOptions, Options, BUILD_KEYS, VALIDATE_KEYS,
};
pub use parse::{parse_json, NotRead};
pub use report_json::{report_json, violations_json};
pub use request::{
    body, build, build_parts, handle_url, write_body, BuildError, Built, BuiltRequest, ConfigError,
    Envelope, Target, CONTENT_TYPE, HANDLE_PATH, TOKEN_HEADER,
};
pub use rules::{
    FieldRule, Kind, Label, Operation, ParameterPresence, Presence, Rules, KNOWN_MTM_TYPES,
    OPERATE_KEYS, OPERATE_KEY_LABEL, PARAMETER_LABEL, RULES,
};
pub use suggest::suggestible_names;
pub use text::{utf16_len, Text};
pub use validate::{check, validate, Checked, ValidateOptions, MAX_LISTED};
pub use value::{
    is_safe_integer, Foreign, Number, Object, Value, MAX_DEPTH, MAX_NODES, MAX_SAFE_INTEGER,
};
pub use violation::{Path, Problem, Report, TextReason, Violation};
