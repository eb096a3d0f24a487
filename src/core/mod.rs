//! The pure core: rules, validation, messages and request building. No wasm, no DOM:
//! it runs and is tested natively.

pub mod form;
pub mod json;
pub mod messages;
pub mod parse;
pub mod path;
pub mod report_json;
pub mod request;
pub mod response;
pub mod rules;
pub mod suggest;
pub mod text;
pub mod validate;
pub mod value;
pub mod violation;
