// What every JavaScript rule set below shares: SPEC.md's text rule as one regular
// expression (not blank; no control character but tab, LF, CR; no unpaired surrogate,
// which `\p{Cs}` matches in a `u` regex) and the integer range.
export const TEXT = "^(?=[\\s\\S]*\\S)(?:[^\\p{Cc}\\p{Cs}]|[\\t\\n\\r])*$";
export const TEXT_RE = new RegExp(TEXT, "u");
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const MTM_MAX = 255;
