//! The small wasm module behind `coc-incident/validate`: the core's validator and
//! request builder, reached through three raw exports instead of wasm-bindgen.
//!
//! JavaScript writes the input and its options into this module's memory as a
//! [`tape`] (one pass over the value, the slow cases such as getters and proxies
//! included), calls `validate` or `build` once, and reads back an [`answer`]: numbers,
//! and one UTF-8 text (mostly a built request's) that it decodes once. Everything
//! decided (codes, paths, which message, params, the body) is decided here, by
//! `coc-incident-core`; JavaScript only moves data, makes objects and renders each
//! message from the core's templates.
//!
//! On wasm32 the crate is `no_std`, allocates from a bump [`arena`] that each call
//! rewinds, and traps instead of formatting a panic, so no formatter is linked.
//! Natively it is an ordinary crate, so the tape and the answer are tested with
//! `cargo test`.
#![cfg_attr(target_arch = "wasm32", no_std)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

extern crate alloc;

pub mod answer;
#[cfg(target_arch = "wasm32")]
mod arena;
#[cfg(target_arch = "wasm32")]
mod exports;
pub mod labels;
pub mod memo;
pub mod names;
mod shape;
pub mod tape;
pub mod verdicts;

pub use answer::{build, validate, Answer, Status};
pub use memo::Memo;
pub use verdicts::Verdicts;

/// What the module sends at start (`names()`), one a line, in order: the names table,
/// the message templates (English, Chinese), the labels (English, Chinese) and the
/// type phrases (name, English, Chinese).
pub fn start_lines() -> impl Iterator<Item = &'static str> {
    use coc_incident_core::internal::{TEMPLATES, TYPE_PHRASES};
    let templates = TEMPLATES.iter().flatten().copied();
    let labels = labels::labels()
        .iter()
        .flat_map(|label| [label.en, label.zh]);
    let phrases = TYPE_PHRASES
        .iter()
        .flat_map(|(name, en, zh)| [*name, *en, *zh]);
    names::table()
        .iter()
        .copied()
        .chain(templates)
        .chain(labels)
        .chain(phrases)
}
