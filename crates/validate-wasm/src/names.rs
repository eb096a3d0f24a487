//! The names a report is made of (codes, `params` keys, type names, reasons and the
//! rules' own keys) and the options' keys, sent to JavaScript once at start: a
//! violation then names each by its index instead of sending the text again, and a
//! tape sends a key that is one of them by its index too.

use coc_incident_core::internal::{same_text, Key, PARAM_KEYS};
use coc_incident_core::{BUILD_KEYS, RULES};

/// Every code, at the start of the table: a code's index is its
/// [`code_index`](coc_incident_core::internal::code_index).
const CODES: &[&str] = &coc_incident_core::internal::CODES;

/// Every `params` key, after the codes: a key's index is [`PARAMS_AT`] plus its
/// number ([`Key`](coc_incident_core::internal::Key)).
const PARAMS: &[&str] = &PARAM_KEYS;

/// Where the `params` keys start in the table.
pub const PARAMS_AT: usize = CODES.len();

/// The index in the table of a `params` key.
pub fn param_key(key: Key) -> usize {
    PARAMS_AT + key as usize
}

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

/// How many fields the rules' operations have, all together (the table names each
/// one's key, and `labels.rs` each one's label).
pub(crate) const OPERATION_FIELDS: usize = {
    let mut count = 0;
    let mut operation = 0;
    while operation < RULES.operations.len() {
        count += RULES.operations[operation].fields.len();
        operation += 1;
    }
    count
};

/// How many names the table holds.
const LEN: usize = {
    let mut len = OPERATION_FIELDS;
    let mut list = 0;
    while list < LISTS.len() {
        len += LISTS[list].len();
        list += 1;
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

/// The index JavaScript sends for `name` (tape.js keeps the first of equal names):
/// its first place in `table`, or the table's length when it has none.
const fn first_place(table: &[&str], name: &str) -> u32 {
    let mut i = 0;
    while i < table.len() {
        if same(table[i].as_bytes(), name.as_bytes()) {
            return i as u32;
        }
        i += 1;
    }
    table.len() as u32
}

/// How many keys the root may hold.
const ROOT_KEYS: usize = RULES.root_keys.len();

/// The index a tape gives each of the rules' root keys, in the rules' order: a key is
/// known by its word, with no text compared.
pub static ROOT_KEY_NAMES: [u32; ROOT_KEYS] = {
    let mut names = [0; ROOT_KEYS];
    let mut i = 0;
    while i < ROOT_KEYS {
        names[i] = first_place(&TABLE, RULES.root_keys[i]);
        i += 1;
    }
    names
};

/// The index a tape gives each operation's field keys, the operations' one after
/// another, each in its table's order (see [`field_key_names`]).
static FIELD_KEY_NAMES: [u32; OPERATION_FIELDS] = {
    let mut names = [0; OPERATION_FIELDS];
    let mut at = 0;
    let mut operation = 0;
    while operation < RULES.operations.len() {
        let fields = RULES.operations[operation].fields;
        let mut i = 0;
        while i < fields.len() {
            names[at] = first_place(&TABLE, fields[i].key);
            at += 1;
            i += 1;
        }
        operation += 1;
    }
    names
};

/// How many operations the rules have.
const OPERATIONS: usize = RULES.operations.len();

/// Where each operation's keys start in [`FIELD_KEY_NAMES`], and where the last ends.
static FIELD_KEYS_AT: [usize; OPERATIONS + 1] = {
    let mut at = [0; OPERATIONS + 1];
    let mut operation = 0;
    while operation < OPERATIONS {
        at[operation + 1] = at[operation] + RULES.operations[operation].fields.len();
        operation += 1;
    }
    at
};

/// The indexes a tape gives the field keys of the operation at `operation` in
/// `RULES.operations`, in its table's order.
pub fn field_key_names(operation: usize) -> &'static [u32] {
    match (
        FIELD_KEYS_AT.get(operation),
        FIELD_KEYS_AT.get(operation + 1),
    ) {
        (Some(&start), Some(&end)) => FIELD_KEY_NAMES.get(start..end).unwrap_or_default(),
        _ => &[],
    }
}

/// The table of names, in order.
pub const fn table() -> &'static [&'static str] {
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

/// Slots of the hash table that [`index`] looks names up in: a power of two, at least
/// twice the names (so that a probe mostly ends at its first or second slot).
const SLOTS: usize = {
    let mut slots = 64;
    while slots < LEN * 2 {
        slots *= 2;
    }
    slots
};

/// Where a name's search starts: its length and three of its bytes, mixed. Names of
/// the table differ in one of them nearly always.
const fn hash(name: &[u8]) -> usize {
    let len = name.len();
    if len == 0 {
        return 0;
    }
    let mix = (len as u32)
        ^ ((name[0] as u32) << 5)
        ^ ((name[len / 2] as u32) << 11)
        ^ ((name[len - 1] as u32) << 17);
    (mix.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Each name's index plus one in its slot, 0 for an empty slot (open addressing,
/// linear probing), made at compile time. Only the first of equal names is held:
/// the one [`index`] answers.
static BY_HASH: [u8; SLOTS] = {
    assert!(LEN < 255, "a slot holds an index plus one in a byte");
    let mut slots = [0u8; SLOTS];
    let mut i = 0;
    'names: while i < LEN {
        let name = TABLE[i].as_bytes();
        let mut at = hash(name) & (SLOTS - 1);
        while slots[at] != 0 {
            if same(TABLE[slots[at] as usize - 1].as_bytes(), name) {
                i += 1;
                continue 'names;
            }
            at = (at + 1) & (SLOTS - 1);
        }
        slots[at] = i as u8 + 1;
        i += 1;
    }
    slots
};

/// The index of `name` in the table (the first, of equal names): one hashed probe
/// and one compare, where a search of the table compared names until it found it
/// (which was a tenth of writing an invalid request's report). Not inlined: one copy
/// of it serves every name of a report.
#[inline(never)]
pub fn index(name: &str) -> Option<usize> {
    let mut at = hash(name.as_bytes()) & (SLOTS - 1);
    loop {
        let slot = BY_HASH[at] as usize;
        let found = TABLE.get(slot.checked_sub(1)?)?;
        if found.len() == name.len() && (found.as_ptr() == name.as_ptr() || same_text(found, name))
        {
            return Some(slot - 1);
        }
        at = (at + 1) & (SLOTS - 1);
    }
}

/// The index where `list` stands in the table, in order.
pub fn index_of_list(list: &[&str]) -> Option<usize> {
    let first = index(list.first()?)?;
    // Where its first name first stands, nearly always (the rules' operate keys);
    // else wherever it stands.
    if TABLE.get(first..first + list.len()) == Some(list) {
        return Some(first);
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

    /// The hashed lookup against its definition: the first position of an equal name,
    /// for every name, every name cut or grown by a byte, and texts that are none.
    #[test]
    fn the_index_is_the_first_equal_name() {
        let first = |name: &str| TABLE.iter().position(|n| *n == name);
        let mut tried = alloc::vec::Vec::new();
        for name in table() {
            tried.push(alloc::string::String::from(*name));
            tried.push(alloc::format!("{name}x"));
            tried.push(alloc::format!("x{name}"));
            tried.push(name[1..].into());
            tried.push(name[..name.len() - 1].into());
        }
        tried
            .extend(["", "a", "é", "字", "\u{0}", "operate_key "].map(alloc::string::String::from));
        for name in &tried {
            assert_eq!(index(name), first(name), "{name:?}");
        }
        for list in [
            RULES.operate_keys,
            RULES.root_keys,
            &TABLE[..3],
            &TABLE[5..6],
            &["nope"],
            &[],
        ] {
            let windows = TABLE.windows(list.len().max(1)).position(|w| w == list);
            assert_eq!(
                index_of_list(list),
                if list.is_empty() { None } else { windows }
            );
        }
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

    /// What `names()` sends at start goes one a line: no line may hold a newline.
    #[test]
    fn no_text_sent_at_start_holds_a_newline() {
        assert!(crate::start_lines().all(|line| !line.contains('\n')));
    }

    /// The text made at compile time is the lines joined, in their order.
    #[test]
    fn the_start_text_is_the_lines_joined() {
        let lines: Vec<&str> = crate::start_lines().collect();
        assert_eq!(crate::START_TEXT, lines.join("\n"));
    }

    /// JavaScript finds a type name's phrases, and a template's param, by their index.
    #[test]
    fn every_type_name_and_param_key_is_a_name() {
        for (name, _, _) in coc_incident_core::internal::TYPE_PHRASES {
            assert!(index(name).is_some(), "{name}");
        }
        for (i, key) in PARAM_KEYS.iter().enumerate() {
            assert_eq!(index(key), Some(PARAMS_AT + i), "{key}");
        }
        for (i, code) in coc_incident_core::internal::CODES.iter().enumerate() {
            assert_eq!(index(code), Some(i), "{code}");
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
