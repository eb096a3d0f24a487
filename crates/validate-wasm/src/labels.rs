//! The labels messages name fields by, sent to JavaScript once at start: a violation
//! then names its field's label (and the other field's) by its index here.

use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use coc_incident_core::{Label, OPERATE_KEY_LABEL, PARAMETER_LABEL, RULES};

use crate::names::OPERATION_FIELDS;

/// How many labels [`LABELS`] holds.
const LABEL_COUNT: usize = 2 + RULES.root.len() + OPERATION_FIELDS;

/// What messages call the fields (`operate_key`'s and `parameter`'s labels, the
/// root's fields', then each operation's fields'), sent to JavaScript once at start,
/// which names a message's fields by their index here.
static LABELS: [Label; LABEL_COUNT] = {
    let mut labels = [OPERATE_KEY_LABEL; LABEL_COUNT];
    labels[1] = PARAMETER_LABEL;
    let mut at = 2;
    let mut i = 0;
    while i < RULES.root.len() {
        labels[at] = RULES.root[i].label;
        at += 1;
        i += 1;
    }
    let mut operation = 0;
    while operation < RULES.operations.len() {
        let fields = RULES.operations[operation].fields;
        let mut i = 0;
        while i < fields.len() {
            labels[at] = fields[i].label;
            at += 1;
            i += 1;
        }
        operation += 1;
    }
    labels
};

/// The labels, in order.
pub const fn labels() -> &'static [Label] {
    &LABELS
}

/// The addresses of the two texts last found at each index of [`LABELS`]. A label's
/// texts are `'static`, so addresses once found always hold those texts: the next
/// lookup of the same label compares addresses, not texts. (The rules' own labels are
/// not [`LABELS`]' strings: in wasm the table's are copies made at compile time, at
/// other addresses, as measured.)
static FOUND: [[AtomicUsize; 2]; LABEL_COUNT] =
    [const { [AtomicUsize::new(0), AtomicUsize::new(0)] }; LABEL_COUNT];

/// The index of `label` in [`labels`]: by the addresses of its texts when it was
/// found before (`FOUND`), else by its texts. The English texts of two labels nearly
/// always differ in length or first byte, so few texts are compared whole.
pub fn label_index(label: &Label) -> Option<usize> {
    let addresses = [label.en.as_ptr() as usize, label.zh.as_ptr() as usize];
    let found = FOUND.iter().enumerate().position(|(i, [en, zh])| {
        en.load(Relaxed) == addresses[0]
            && zh.load(Relaxed) == addresses[1]
            && LABELS[i].en.len() == label.en.len()
            && LABELS[i].zh.len() == label.zh.len()
    });
    if found.is_some() {
        return found;
    }
    let (len, first) = (label.en.len(), label.en.as_bytes().first());
    let index = LABELS.iter().position(|known| {
        known.en.len() == len && known.en.as_bytes().first() == first && known == label
    })?;
    for (slot, address) in FOUND[index].iter().zip(addresses) {
        slot.store(address, Relaxed);
    }
    Some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_of_the_rules_has_its_index() {
        let fields = RULES.operations.iter().flat_map(|o| o.fields);
        let all = [OPERATE_KEY_LABEL, PARAMETER_LABEL]
            .into_iter()
            .chain(RULES.root.iter().chain(fields).map(|rule| rule.label));
        for label in all {
            assert_eq!(labels()[label_index(&label).unwrap()], label);
            // A copy at another address, too.
            let en = alloc::string::String::from(label.en).leak();
            let copy = Label { en, zh: label.zh };
            assert_eq!(labels()[label_index(&copy).unwrap()], label);
        }
        let none = Label {
            en: "Nothing",
            zh: "无",
        };
        assert_eq!(label_index(&none), None);
        // A label found before, by address, is that label only with both its texts.
        let known = labels()[3];
        assert_eq!(label_index(&known), Some(3));
        let other_zh = Label { zh: "无", ..known };
        assert_eq!(label_index(&other_zh), None);
    }
}
