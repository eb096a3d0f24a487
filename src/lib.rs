//! Checks, builds and sends Huawei Cloud COC incident handle requests
//! (`POST /v1/external/incident/handle`) in the browser.
//!
//! The rules, validation and request building are the `coc-incident-core` crate
//! (re-exported as [`rules`]), plain Rust tested natively; the [`js`] module is the thin
//! layer of JavaScript exports over it: the client (gloo-net) and the form binding (web-sys).
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod js;

pub use coc_incident_core as rules;
