//! The names a report is made of (codes, `params` keys, type names, reasons and the
//! rules' own keys) and the options' keys, sent to JavaScript once at start: a
//! violation then names each by its index instead of sending the text again, and a
//! tape sends a key that is one of them by its index too.

use coc_incident_core::{BUILD_KEYS, RULES};

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
const LISTS: [&[&str]; 6] = [
    CODES,
    PARAMS,
    WORDS,
    BUILD_KEYS,
    RULES.operate_keys,
    RULES.root_keys,
];

/// How many names the table holds.
const LEN: usize = {
    let mut len = 0;
    let mut list = 0;
    while list < LISTS.len() {
        len += LISTS[list].len();
        list += 1;
    }
    let mut operation = 0;
    while operation < RULES.operations.len() {
        len += RULES.operations[operation].fields.len();
        operation += 1;
    }
    len
};

/// The table: the constant names (codes, `params` keys, type names and reasons,
/// option keys), then the rules' operate keys (together, as `allowed` lists them),
/// root keys and each operation's field keys. Made at compile time; its strings are
/// copies made in this crate, so [`name`] reads a rule's key from the rules instead.
static TABLE: [&str; LEN] = {
    let mut table = [""; LEN];
    let mut at = 0;
    let mut list = 0;
    while list < LISTS.len() {
        let mut i = 0;
        while i < LISTS[list].len() {
            table[at] = LISTS[list][i];
            at += 1;
            i += 1;
        }
        list += 1;
    }
    let mut operation = 0;
    while operation < RULES.operations.len() {
        let fields = RULES.operations[operation].fields;
        let mut i = 0;
        while i < fields.len() {
            table[at] = fields[i].key;
            at += 1;
            i += 1;
        }
        operation += 1;
    }
    table
};

/// The table of names, in order.
pub fn table() -> &'static [&'static str] {
    &TABLE
}

/// Where the rules' own names start in the table: its operate keys, root keys, then
/// each operation's field keys.
const RULES_AT: usize = CODES.len() + PARAMS.len() + WORDS.len() + BUILD_KEYS.len();

/// The name at `index` of the table: what a tape's key sent by its index stands for.
/// A rule's key is read from the rules themselves, not from the table (whose strings
/// are copies, made at compile time in this crate): the validator then finds it by
/// address.
pub fn name(index: usize) -> Option<&'static str> {
    let Some(mut at) = index.checked_sub(RULES_AT) else {
        return TABLE.get(index).copied();
    };
    for list in [RULES.operate_keys, RULES.root_keys] {
        match list.get(at) {
            Some(name) => return Some(name),
            None => at -= list.len(),
        }
    }
    for operation in RULES.operations {
        match operation.fields.get(at) {
            Some(rule) => return Some(rule.key),
            None => at -= operation.fields.len(),
        }
    }
    None
}

/// The index of `name` in the table. A name the core answers is mostly the very
/// string the table holds: its address answers first.
pub fn index(name: &str) -> Option<usize> {
    // Names of the same length mostly differ in their first byte, which saves a call
    // to compare the rest.
    let first = name.as_bytes().first();
    TABLE.iter().position(|n| {
        n.len() == name.len()
            && (n.as_ptr() == name.as_ptr() || (n.as_bytes().first() == first && *n == name))
    })
}

/// The index where `list` stands in the table, in order.
pub fn index_of_list(list: &[&str]) -> Option<usize> {
    if list.is_empty() {
        return None;
    }
    TABLE.windows(list.len()).position(|w| w == list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_and_rule_key_has_a_name() {
        let table = table();
        let operate_keys = index_of_list(RULES.operate_keys).unwrap();
        assert_eq!(&table[operate_keys..][..3], RULES.operate_keys);
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

    /// A key sent by its index is the rule's own string, which the validator then
    /// finds by address instead of comparing bytes.
    #[test]
    fn the_keys_are_the_rules_own_strings() {
        let fields = RULES
            .operations
            .iter()
            .flat_map(|operation| operation.fields);
        for rule in RULES.root.iter().chain(fields) {
            let name = name(index(rule.key).unwrap()).unwrap();
            assert!(core::ptr::eq(name, rule.key), "{}", rule.key);
        }
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
