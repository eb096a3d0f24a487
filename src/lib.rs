//! Checks, builds and sends Huawei Cloud COC incident handle requests
//! (`POST /v1/external/incident/handle`) in the browser.
//!
//! The [`core`] is plain Rust, tested natively; the [`js`] module is the thin layer of JavaScript exports over it.
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod core;
pub mod js;

pub use crate::core::messages::{Labels, Locale};
pub use crate::core::request::{build, BuildError, Built, BuiltRequest, ConfigError, Target};
pub use crate::core::rules::{Label, Operation, Rules, OPERATE_KEYS, RULES};
pub use crate::core::text::{utf16_len, Text};
pub use crate::core::validate::{check, validate, Checked, ValidateOptions};
pub use crate::core::value::{Foreign, Number, Object, Value};
pub use crate::core::violation::{Code, Params, Report, TextReason, Violation};
