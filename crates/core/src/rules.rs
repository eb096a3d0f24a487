//! The rules as data: one table per operate key. A new operate key is a new table.

/// The shape one field's value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string, not blank, of at most `max` UTF-16 code units.
    Text {
        /// The most UTF-16 code units allowed.
        max: u32,
    },
    /// A boolean.
    Bool,
    /// Epoch milliseconds: a whole number from 0 to 2^53 - 1, optionally not before
    /// another field of the same object.
    EpochMillis {
        /// The field this one may not be earlier than.
        not_before: Option<&'static str>,
    },
}

/// Whether a field must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Missing or `null` is a `required` error.
    Required,
    /// Missing is fine, but a `recommended` warning when the boolean field named here is true.
    RecommendedWhen(&'static str),
}

/// One field of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRule {
    /// The wire key.
    pub key: &'static str,
    /// Its type and limits.
    pub kind: Kind,
    /// Whether it must be there.
    pub presence: Presence,
    /// Sent trimmed (and its length counted after trimming), as the root's texts are.
    pub trimmed: bool,
    /// What messages call it.
    pub label: Label,
}

/// What messages call a field, in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

/// Whether an operation's `parameter` object must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterPresence {
    /// May be missing, `null` or `{}`; the built body always sends an object.
    Optional,
    /// Must be an object.
    Required,
}

/// One operate key and the `parameter` it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The `operate_key` value.
    pub key: &'static str,
    /// Whether `parameter` must be there.
    pub parameter: ParameterPresence,
    /// The fields of `parameter`, in the order they are checked and reported.
    pub fields: &'static [FieldRule],
}

/// The largest integer JavaScript and JSON carry exactly (the epoch fields' bound).
pub(crate) use crate::value::MAX_SAFE_INTEGER;

/// The limit on `incident_num` and `operator`.
pub(crate) const TOP_LEVEL_TEXT_MAX: u32 = 255;

/// The fields at the root, in order, before `operate_key` and `parameter` (which the
/// validator treats on their own): strings, sent trimmed.
pub(crate) const ROOT_TEXT_FIELDS: &[FieldRule] = &[
    FieldRule {
        key: "incident_num",
        kind: Kind::Text {
            max: TOP_LEVEL_TEXT_MAX,
        },
        presence: Presence::Required,
        trimmed: true,
        label: Label {
            en: "Incident number",
            zh: "事件单号",
        },
    },
    FieldRule {
        key: "operator",
        kind: Kind::Text {
            max: TOP_LEVEL_TEXT_MAX,
        },
        presence: Presence::Required,
        trimmed: true,
        label: Label {
            en: "Operator",
            zh: "操作人",
        },
    },
];

/// Every key the root may hold, in the order the body is written.
pub(crate) const ROOT_KEYS: &[&str] = &["incident_num", "operator", "operate_key", "parameter"];

/// The label of `operate_key`.
pub const OPERATE_KEY_LABEL: Label = Label {
    en: "Operation",
    zh: "操作类型",
};
/// The label of `parameter`.
pub const PARAMETER_LABEL: Label = Label {
    // One object: "Parameter is required." ("Parameters is required." was a report's).
    en: "Parameter",
    zh: "参数",
};

/// Accepting an incident ticket: no parameters.
pub(crate) const ACCEPT: Operation = Operation {
    key: "acceptedIncident1",
    parameter: ParameterPresence::Optional,
    fields: &[],
};

/// Submitting the solution of an incident ticket.
pub(crate) const COMMIT_SOLUTION: Operation = Operation {
    key: "commitSolution1",
    parameter: ParameterPresence::Required,
    fields: &[
        FieldRule {
            key: "mtm_type",
            kind: Kind::Text { max: 255 },
            presence: Presence::Required,
            trimmed: false,
            label: Label {
                en: "Incident category",
                zh: "事件类别",
            },
        },
        FieldRule {
            key: "is_service_interrupt",
            kind: Kind::Bool,
            presence: Presence::Required,
            trimmed: false,
            label: Label {
                en: "Service interrupted",
                zh: "业务是否中断",
            },
        },
        FieldRule {
            key: "cause",
            kind: Kind::Text { max: 10_000 },
            presence: Presence::Required,
            trimmed: false,
            label: Label {
                en: "Cause",
                zh: "故障原因",
            },
        },
        FieldRule {
            key: "solution",
            kind: Kind::Text { max: 10_000 },
            presence: Presence::Required,
            trimmed: false,
            label: Label {
                en: "Solution",
                zh: "解决方案",
            },
        },
        FieldRule {
            key: "start_time",
            kind: Kind::EpochMillis { not_before: None },
            presence: Presence::RecommendedWhen("is_service_interrupt"),
            trimmed: false,
            label: Label {
                en: "Fault start time",
                zh: "故障开始时间",
            },
        },
        FieldRule {
            key: "fault_recovery_time",
            kind: Kind::EpochMillis {
                not_before: Some("start_time"),
            },
            presence: Presence::RecommendedWhen("is_service_interrupt"),
            trimmed: false,
            label: Label {
                en: "Fault recovery time",
                zh: "故障恢复时间",
            },
        },
    ],
};

/// Verifying the handling of an incident ticket.
pub(crate) const CONFIRM: Operation = Operation {
    key: "confirm",
    parameter: ParameterPresence::Required,
    fields: &[
        FieldRule {
            key: "virtual_confirm_result",
            kind: Kind::Bool,
            presence: Presence::Required,
            trimmed: false,
            label: Label {
                en: "Verification result",
                zh: "验证结果",
            },
        },
        FieldRule {
            key: "virtual_confirm_comment",
            kind: Kind::Text { max: 300 },
            presence: Presence::Required,
            trimmed: false,
            label: Label {
                en: "Verification comment",
                zh: "验证说明",
            },
        },
    ],
};

/// Every operation, in the order `allowed` lists them.
pub(crate) const OPERATIONS: &[Operation] = &[ACCEPT, COMMIT_SOLUTION, CONFIRM];

/// Every operate key, in the order `allowed` lists them.
pub const OPERATE_KEYS: &[&str] = &["acceptedIncident1", "commitSolution1", "confirm"];

/// Known `mtm_type` values: suggestions for a form, never a reason to reject.
pub const KNOWN_MTM_TYPES: &[&str] = &[
    "inc_type_p_security_issues",
    "inc_type_p_function_issues",
    "inc_type_p_reliability_issues",
    "inc_type_p_config_issues",
    "inc_type_p_change_issues",
];

/// A whole rule set: the root's fields and the operations. The validator reads
/// nothing else, so a new field or operate key is a table edit. The keys of one
/// table (the root's, or an operation's fields) are all different. A typo is only ever
/// matched to a key or operate key that is ASCII and at most 64 bytes long ("did you
/// mean"), as every one of [`RULES`] is: see [`suggestible_names`](crate::suggestible_names).
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// The root's own fields, in order (`operate_key` and `parameter` come after).
    pub root: &'static [FieldRule],
    /// Every operation.
    pub operations: &'static [Operation],
    /// Their keys, in the same order, as `unknown_operate_key` lists them.
    pub operate_keys: &'static [&'static str],
    /// Every key the root may hold: `root`'s, then `operate_key` and `parameter`.
    pub root_keys: &'static [&'static str],
}

/// The rules of the v1 handle endpoint. A `static`, not a `const`: one copy of the
/// tables, so a key JavaScript sends by its index (the small module borrows the name
/// from here) is the very string the validator looks up, and matches by address.
pub static RULES: Rules = Rules {
    root: &ROOT,
    operations: OPERATIONS,
    operate_keys: OPERATE_KEYS,
    root_keys: &ROOT_KEY_LIST,
};

/// [`ROOT_TEXT_FIELDS`] as [`RULES`] holds them: one copy, whose keys
/// [`ROOT_KEY_LIST`] shares (a `const` is copied where it is used).
static ROOT: [FieldRule; 2] = [ROOT_TEXT_FIELDS[0], ROOT_TEXT_FIELDS[1]];

/// [`ROOT_KEYS`] as [`RULES`] holds them: the texts' keys are [`ROOT`]'s own strings.
static ROOT_KEY_LIST: [&str; 4] = [ROOT[0].key, ROOT[1].key, ROOT_KEYS[2], ROOT_KEYS[3]];

impl Rules {
    /// The operation of an operate key.
    pub fn operation(&self, key: &str) -> Option<&'static Operation> {
        self.operations.iter().find(|op| op.key == key)
    }
}

/// The operation of an operate key.
pub(crate) fn operation(key: &str) -> Option<&'static Operation> {
    RULES.operation(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    /// Every list of the rules a typo is matched against: the root keys, the operate
    /// keys and each operation's fields.
    #[test]
    fn every_name_a_typo_is_matched_against_may_be_suggested() {
        crate::suggest::tests::assert_each_suggests_itself(RULES.root_keys);
        crate::suggest::tests::assert_each_suggests_itself(RULES.operate_keys);
        for operation in RULES.operations {
            let fields: Vec<&'static str> = operation.fields.iter().map(|f| f.key).collect();
            crate::suggest::tests::assert_each_suggests_itself(&fields);
        }
    }

    /// The walk relies on it: an object's entries already looked up hold other keys
    /// than the one it looks up next (validate.rs `look`).
    #[test]
    fn the_keys_of_each_table_are_all_different() {
        let tables = [RULES.root_keys.to_vec()].into_iter().chain(
            RULES
                .operations
                .iter()
                .map(|op| op.fields.iter().map(|f| f.key).collect::<Vec<_>>()),
        );
        for keys in tables {
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), keys.len(), "{keys:?}");
        }
    }

    #[test]
    fn operate_keys_match_the_tables() {
        let keys: Vec<_> = OPERATIONS.iter().map(|op| op.key).collect();
        assert_eq!(keys, OPERATE_KEYS);
        let root: Vec<_> = ROOT_TEXT_FIELDS.iter().map(|r| r.key).collect();
        assert_eq!(
            [&root[..], &["operate_key", "parameter"]].concat(),
            ROOT_KEYS
        );
    }

    #[test]
    fn not_before_names_an_earlier_field_of_the_same_table() {
        for op in OPERATIONS {
            for (i, rule) in op.fields.iter().enumerate() {
                if let Kind::EpochMillis {
                    not_before: Some(other),
                } = rule.kind
                {
                    assert!(op.fields[..i].iter().any(|r| r.key == other));
                }
                if let Presence::RecommendedWhen(other) = rule.presence {
                    assert!(op
                        .fields
                        .iter()
                        .any(|r| r.key == other && r.kind == Kind::Bool));
                }
            }
        }
    }
}
