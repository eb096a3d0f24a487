//! The envelope of the last build that built a request, kept for the next (a build
//! refused for its input keeps what was kept). A portal builds every request
//! with the same options, and checking them (the endpoint, each header, a token of
//! kilobytes) is the part of a build that does not depend on the input: with a 3.6 KB
//! token, nearly half of the build's time in wasm (bench/ab.mjs). Options are known
//! by their bytes on the tape: the same bytes read as the same options, which make the
//! same envelope, so what a build answered for them is answered again.
//!
//! Kept in place, not allocated: on wasm32 every allocation is the arena's, which each
//! call rewinds.

use coc_incident_core::internal::same_bytes;
use coc_incident_core::ValidateOptions;

/// The most bytes of options, and of the envelope's text, that are kept: a token of
/// ASCII up to nearly 16 KB. Larger options are checked again at each build.
pub const MAX_BYTES: usize = 16 * 1024;
/// The most numbers of an envelope kept: the URL's two, the header count, and four a
/// header for up to 15 headers (Content-Type and the token among them). Options with
/// more are checked again at each build.
pub const MAX_NUMBERS: usize = 63;

/// The options of the last build whose options were right, what the answer began with
/// for them (the URL and the headers: numbers and text), and how to validate.
pub struct Memo {
    /// The options' bytes on the tape; none (0 long) while nothing is kept: options
    /// take a word at least.
    key: [u8; MAX_BYTES],
    key_len: usize,
    numbers: [f64; MAX_NUMBERS],
    numbers_len: usize,
    /// UTF-8: only ever a copy of a `str` (see `keep`).
    text: [u8; MAX_BYTES],
    text_len: usize,
    units: usize,
    validate: ValidateOptions,
}

/// What a build answered for the options, to answer again.
pub struct Envelope<'m> {
    /// The numbers the answer began with.
    pub numbers: &'m [f64],
    /// The text the answer began with.
    pub text: &'m str,
    /// Its length in UTF-16 units.
    pub units: usize,
    /// How those options say to validate.
    pub validate: ValidateOptions,
}

impl Memo {
    /// Nothing kept.
    pub const EMPTY: Memo = Memo {
        key: [0; MAX_BYTES],
        key_len: 0,
        numbers: [0.0; MAX_NUMBERS],
        numbers_len: 0,
        text: [0; MAX_BYTES],
        text_len: 0,
        units: 0,
        validate: ValidateOptions {
            locale: coc_incident_core::Locale::En,
            allow_unknown_fields: false,
            // Times are told by JavaScript here (src/validate/index.js `date`).
            time_zone: coc_incident_core::TimeZone::Utc,
        },
    };

    /// Whether `options` are the bytes of the options kept.
    pub fn knows(&self, options: &[u8]) -> bool {
        self.key_len > 0 && same_bytes(self.key.get(..self.key_len).unwrap_or_default(), options)
    }

    /// The envelope kept for `options`, if they are the ones kept.
    pub fn get(&self, options: &[u8]) -> Option<Envelope<'_>> {
        if !self.knows(options) {
            return None;
        }
        let text = self.text.get(..self.text_len)?;
        Some(Envelope {
            numbers: self.numbers.get(..self.numbers_len)?,
            // SAFETY: `text` is only ever written by `keep`, from a `str`, and
            // `text_len` set to that str's length: these bytes are UTF-8.
            text: unsafe { core::str::from_utf8_unchecked(text) },
            units: self.units,
            validate: self.validate,
        })
    }

    /// Keeps what a build answered for `options` (its `numbers`, `text` and `units` so
    /// far, which must be the envelope alone), in place of what was kept; or keeps
    /// nothing, when that does not fit.
    pub fn keep(
        &mut self,
        options: &[u8],
        numbers: &[f64],
        text: &str,
        units: usize,
        validate: ValidateOptions,
    ) {
        self.key_len = 0;
        let (Some(key), Some(kept_numbers), Some(kept_text)) = (
            self.key.get_mut(..options.len()),
            self.numbers.get_mut(..numbers.len()),
            self.text.get_mut(..text.len()),
        ) else {
            return;
        };
        key.copy_from_slice(options);
        kept_numbers.copy_from_slice(numbers);
        kept_text.copy_from_slice(text.as_bytes());
        self.numbers_len = numbers.len();
        self.text_len = text.len();
        self.units = units;
        self.validate = validate;
        // Last: an empty key keeps nothing.
        self.key_len = options.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::boxed::Box;
    use coc_incident_core::Locale;

    fn memo() -> Box<Memo> {
        Box::new(Memo::EMPTY)
    }

    #[test]
    fn what_is_kept_is_given_for_the_same_bytes_only() {
        let mut memo = memo();
        assert!(memo.get(b"").is_none(), "nothing is kept at first");
        let validate = ValidateOptions {
            locale: Locale::ZhCn,
            allow_unknown_fields: true,
            ..ValidateOptions::default()
        };
        memo.keep(b"options bytes", &[0.0, 3.0, 1.0], "事/x", 3, validate);
        let kept = memo.get(b"options bytes").unwrap();
        assert_eq!(
            (kept.numbers, kept.text, kept.units, kept.validate),
            (&[0.0, 3.0, 1.0][..], "事/x", 3, validate)
        );
        assert!(memo.get(b"options byteS").is_none());
        assert!(memo.get(b"options byte").is_none());
        assert!(memo.get(b"").is_none());
        // Kept again in place of the last.
        memo.keep(b"other", &[], "", 0, ValidateOptions::default());
        assert!(memo.get(b"options bytes").is_none());
        assert_eq!(memo.get(b"other").unwrap().text, "");
    }

    #[test]
    fn what_does_not_fit_is_not_kept_and_forgets_the_last() {
        let mut memo = memo();
        memo.keep(b"a", &[1.0], "x", 1, ValidateOptions::default());
        let long = alloc::vec![b'k'; MAX_BYTES + 1];
        memo.keep(&long, &[1.0], "x", 1, ValidateOptions::default());
        assert!(memo.get(&long).is_none());
        assert!(memo.get(b"a").is_none());
        memo.keep(
            b"a",
            &[1.0; MAX_NUMBERS + 1],
            "x",
            1,
            ValidateOptions::default(),
        );
        assert!(memo.get(b"a").is_none());
        let text = "x".repeat(MAX_BYTES + 1);
        memo.keep(b"a", &[1.0], &text, 1, ValidateOptions::default());
        assert!(memo.get(b"a").is_none());
        memo.keep(b"", &[1.0], "x", 1, ValidateOptions::default());
        assert!(memo.get(b"").is_none(), "an empty key keeps nothing");
    }
}
