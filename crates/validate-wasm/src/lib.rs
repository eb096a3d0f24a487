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
/// type phrases (name, English, Chinese). Only the tests' reading of that order, which
/// [`START_TEXT`] is held to: the module sends the text made at compile time.
#[cfg(test)]
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

/// [`start_lines`] joined by newlines, made at compile time: `names()` answers it as
/// it is, where writing the lines out at run time was 2 KB of code.
pub static START_TEXT: &str = match core::str::from_utf8(&START_BYTES) {
    Ok(text) => text,
    // `str`s joined by an ASCII newline are UTF-8: checked when compiled, not run.
    Err(_) => panic!("the start text is not UTF-8"),
};

/// Calls `each` on every line [`start_lines`] gives, in its order; a macro, since a
/// `const fn` takes no closure.
macro_rules! each_start_line {
    (|$line:ident| $body:block) => {{
        use coc_incident_core::internal::{TEMPLATES, TYPE_PHRASES};
        let table = names::table();
        let mut i = 0;
        while i < table.len() {
            let $line: &str = table[i];
            $body
            i += 1;
        }
        let mut i = 0;
        while i < TEMPLATES.len() {
            let mut j = 0;
            while j < 2 {
                let $line: &str = TEMPLATES[i][j];
                $body
                j += 1;
            }
            i += 1;
        }
        let labels = labels::labels();
        let mut i = 0;
        while i < labels.len() {
            let $line: &str = labels[i].en;
            $body
            let $line: &str = labels[i].zh;
            $body
            i += 1;
        }
        let mut i = 0;
        while i < TYPE_PHRASES.len() {
            let (name, en, zh) = TYPE_PHRASES[i];
            let $line: &str = name;
            $body
            let $line: &str = en;
            $body
            let $line: &str = zh;
            $body
            i += 1;
        }
    }};
}

/// The length of [`START_TEXT`] in bytes.
const START_LEN: usize = {
    let mut len = 0;
    let mut lines = 0;
    each_start_line!(|line| {
        len += line.len();
        lines += 1;
    });
    len + lines - 1
};

static START_BYTES: [u8; START_LEN] = {
    let mut bytes = [0; START_LEN];
    let mut at = 0;
    each_start_line!(|line| {
        if at > 0 {
            bytes[at] = b'\n';
            at += 1;
        }
        let line = line.as_bytes();
        let mut k = 0;
        while k < line.len() {
            bytes[at] = line[k];
            at += 1;
            k += 1;
        }
    });
    bytes
};
