//! The names a report is made of (codes, `params` keys, type names, reasons and the
//! rules' own keys), sent to JavaScript once at start: a violation then names each
//! by its index instead of sending the text again.

use alloc::vec::Vec;

use coc_incident_core::RULES;

/// Every code, in no particular order.
const CODES: &[&str] = &[
    "not_object",
    "required",
    "wrong_type",
    "blank",
    "too_long",
    "unknown_operate_key",
    "unknown_field",
    "invalid_text",
    "out_of_range",
    "recommended",
    "too_many_violations",
];

/// Every `params` key.
const PARAMS: &[&str] = &[
    "actual",
    "expected",
    "max",
    "allowed",
    "suggestion",
    "reason",
    "index",
    "code_point",
    "min",
    "after",
    "when",
    "omitted",
];

/// What `expected` and `actual` say, and the reasons of `invalid_text`.
const WORDS: &[&str] = &[
    "string",
    "boolean",
    "object",
    "integer",
    "number",
    "array",
    "null",
    "json",
    "undefined",
    "function",
    "symbol",
    "bigint",
    "instance",
    "too_deep",
    "too_large",
    "unreadable",
    "unpaired_surrogate",
    "control_character",
];

/// The lists the table starts with, in its order; each operation's field keys follow.
fn lists() -> [&'static [&'static str]; 5] {
    [CODES, PARAMS, WORDS, RULES.operate_keys, RULES.root_keys]
}

/// The table: the constant names, then the rules' operate keys (together, as
/// `allowed` lists them), root keys and each operation's field keys.
pub fn table() -> Vec<&'static str> {
    let mut names = Vec::with_capacity(96);
    for list in lists() {
        names.extend_from_slice(list);
    }
    for operation in RULES.operations {
        names.extend(operation.fields.iter().map(|rule| rule.key));
    }
    names
}

/// The name at `index` of the table, found without building it: what a tape's key
/// sent by its index stands for.
pub fn name(index: usize) -> Option<&'static str> {
    let mut index = index;
    let fields = RULES.operations.iter().map(|operation| operation.fields);
    for segment in lists() {
        match segment.get(index) {
            Some(name) => return Some(name),
            None => index -= segment.len(),
        }
    }
    for segment in fields {
        match segment.get(index) {
            Some(rule) => return Some(rule.key),
            None => index -= segment.len(),
        }
    }
    None
}

/// The index of `name` in the table, found without building it. A name the core
/// answers is mostly the very string the table holds: its address answers first.
pub fn index(name: &str) -> Option<usize> {
    let same = |n: &str| n.len() == name.len() && (n.as_ptr() == name.as_ptr() || n == name);
    let mut base = 0;
    for list in lists() {
        if let Some(i) = list.iter().position(|n| same(n)) {
            return Some(base + i);
        }
        base += list.len();
    }
    for operation in RULES.operations {
        if let Some(i) = operation.fields.iter().position(|rule| same(rule.key)) {
            return Some(base + i);
        }
        base += operation.fields.len();
    }
    None
}

/// The index where `list` stands in the table, in order: the rules' operate keys
/// (what `allowed` lists) are found by address.
pub fn index_of_list(list: &[&str]) -> Option<usize> {
    if list.is_empty() {
        return None;
    }
    let operate_keys = RULES.operate_keys;
    if core::ptr::eq(list, operate_keys) {
        return index(operate_keys[0]);
    }
    table().windows(list.len()).position(|w| w == list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_and_rule_key_has_a_name() {
        let table = table();
        let operate_keys = index_of_list(RULES.operate_keys).unwrap();
        assert_eq!(&table[operate_keys..][..3], RULES.operate_keys);
        // A copy of the list, not the rules' own: found by its names.
        assert_eq!(
            index_of_list(&RULES.operate_keys.to_vec()),
            Some(operate_keys)
        );
        for operation in RULES.operations {
            for rule in operation.fields {
                assert_eq!(table[index(rule.key).unwrap()], rule.key);
            }
        }
        // Every name, by an equal string at another address too.
        for (i, name) in table.iter().enumerate() {
            let copy = alloc::string::String::from(*name);
            // The first of equal names: a root key is also a field's key.
            assert_eq!(table[index(&copy).unwrap()], *name, "{i}");
        }
        assert_eq!(index("too_many_violations"), Some(10));
    }

    #[test]
    fn each_index_names_what_the_table_holds_there() {
        let table = table();
        for (i, expected) in table.iter().enumerate() {
            assert_eq!(name(i), Some(*expected));
        }
        assert_eq!(name(table.len()), None);
        assert_eq!(name(usize::MAX >> 1), None);
    }
}
