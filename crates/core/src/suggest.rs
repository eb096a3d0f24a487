//! "Did you mean": the closest known name to a mistyped one.

use crate::prelude::*;

/// Longer inputs are never a typo of a known name; skipping them bounds the work.
const MAX_INPUT_CHARS: usize = 64;

/// The candidate closest to `input`, when it is close enough to be a typo: an edit
/// distance (case-insensitive, a swap of neighbours counting one) of at most a third
/// of the candidate's length, and at least one.
pub(crate) fn suggest(input: &str, candidates: &[&'static str]) -> Option<&'static str> {
    // Known names are ASCII; ASCII case folding is all a typo of one needs.
    let input: Vec<char> = input
        .trim()
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if input.is_empty() || input.len() > MAX_INPUT_CHARS {
        return None;
    }
    candidates
        .iter()
        .map(|&candidate| {
            let target: Vec<char> = candidate.chars().map(|c| c.to_ascii_lowercase()).collect();
            (edit_distance(&input, &target), candidate, target.len())
        })
        .filter(|&(distance, _, len)| distance <= (len / 3).max(1))
        .min_by_key(|&(distance, _, _)| distance)
        .map(|(_, candidate, _)| candidate)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and
/// transpositions of neighbours each cost one.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = alloc::vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["acceptedIncident1", "commitSolution1", "confirm"];

    #[test]
    fn suggests_close_names() {
        assert_eq!(suggest("confirn", KEYS), Some("confirm"));
        assert_eq!(suggest("CONFIRM", KEYS), Some("confirm"));
        assert_eq!(suggest("acceptIncident", KEYS), Some("acceptedIncident1"));
        assert_eq!(suggest("commitSolution", KEYS), Some("commitSolution1"));
        assert_eq!(suggest("cuase", &["cause", "solution"]), Some("cause"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(suggest("delete", KEYS), None);
        assert_eq!(suggest("", KEYS), None);
        assert_eq!(suggest(&"x".repeat(1000), KEYS), None);
        assert_eq!(suggest("start", &["start_time"]), None);
    }
}
