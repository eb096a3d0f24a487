//! "Did you mean": the closest known name to a mistyped one.

use crate::bytes::{le_word, splat, HIGHS};

/// Longer inputs are never a typo of a known name; skipping them bounds the work.
const MAX_INPUT_CHARS: usize = 64;

/// The candidate closest to `input`, when it is close enough to be a typo: an edit
/// distance (case-insensitive, a swap of neighbours counting one) of at most a third
/// of the candidate's length, and at least one. The first of equally close ones.
/// Candidates that are not ASCII or longer than [`MAX_NAME`] are passed over.
pub(crate) fn suggest<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c &'static str>,
) -> Option<&'static str> {
    // Known names are ASCII, so ASCII case folding is all a typo of one needs, and any
    // other character of the input differs from every character of a name: one byte
    // that no name has (0xFF) stands for each, and the distance is the same.
    let mut folded = [0u8; MAX_INPUT_CHARS];
    let mut len = 0;
    for c in input.trim().chars() {
        let slot = folded.get_mut(len)?; // longer than any typo of a name
        *slot = if c.is_ascii() {
            c.to_ascii_lowercase() as u8
        } else {
            0xFF
        };
        len += 1;
    }
    let folded = &folded[..len];
    if folded.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for &candidate in candidates {
        // Only a name of the rules' kind, ASCII and at most MAX_NAME long, is ever
        // suggested: every name of the rules and option lists is (their tests, and the
        // root crate's compile-time checks, pin it), and a general distance over
        // characters for any other name cost 1.7 KB of the small module, gzipped, for
        // a case that never came.
        if !suggestible(candidate) {
            continue;
        }
        let limit = (candidate.len() / 3).max(1);
        if let Some(distance) = within(folded, candidate.as_bytes(), limit) {
            if best.is_none_or(|(closest, _)| distance < closest) {
                best = Some((distance, candidate));
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Names up to this long take the fast way: one bit of a `u64` for each character.
const MAX_NAME: usize = 64;

/// Whether every one of `names` may be suggested for a typo ("did you mean"): ASCII
/// and at most 64 bytes long. A name that is not is never suggested. Every name of the
/// crate's rules and option lists is; a list of one's own ([`Rules`](crate::Rules),
/// the `known` keys of [`Options::read`](crate::Options::read)) can be checked with
/// it, at compile time: `const _: () = assert!(suggestible_names(MY_KEYS));`.
pub const fn suggestible_names(names: &[&str]) -> bool {
    let mut i = 0;
    while i < names.len() {
        if !suggestible(names[i]) {
            return false;
        }
        i += 1;
    }
    true
}

const fn suggestible(name: &str) -> bool {
    name.is_ascii() && name.len() <= MAX_NAME
}

/// The optimal string alignment distance of `input` and `name` (ASCII, at most
/// [`MAX_NAME`] long, compared without case) when it is at most `limit`. Hyyrö's
/// bit-parallel algorithm (2003, with transpositions): one column of the table in a
/// few word operations per input character, instead of a cell at a time.
fn within(input: &[u8], name: &[u8], limit: usize) -> Option<usize> {
    if input.len().abs_diff(name.len()) > limit {
        return None; // at least one edit for each character of difference
    }
    // What the two share at either end costs no edit: only the middle is compared (a
    // typo of `virtual_confirm_comment` shares its first sixteen characters at least).
    let same = |a: &u8, b: &u8| *a == b.to_ascii_lowercase();
    let prefix = same_prefix(input, name);
    // Checked slices, which never miss here and link no panic (whose message would
    // bring the integer formatter along).
    let input = input.get(prefix..).unwrap_or_default();
    let name = name.get(prefix..).unwrap_or_default();
    let suffix = input
        .iter()
        .rev()
        .zip(name.iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    let input = input.get(..input.len() - suffix).unwrap_or_default();
    let name = name.get(..name.len() - suffix).unwrap_or_default();
    let Some(last) = name.len().checked_sub(1) else {
        return (input.len() <= limit).then_some(input.len());
    };
    // Where an input byte stands in the name (non-ASCII input, 0xFF, stands nowhere):
    // found in what is left of the name, a few bytes once the shared ends are off,
    // rather than in a table of every byte (a kilobyte cleared for each suggestion).
    let positions = |c: u8| {
        name.iter().enumerate().fold(0u64, |bits, (i, &b)| {
            bits | (u64::from(b.to_ascii_lowercase() == c) << i)
        })
    };
    let mask = 1u64 << last;
    let (mut vp, mut vn, mut d0, mut pm_before) = (!0u64, 0u64, 0u64, 0u64);
    let mut distance = name.len();
    for &c in input {
        let pm = positions(c);
        let transposed = ((!d0 & pm) << 1) & pm_before;
        d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | transposed;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        distance += usize::from(hp & mask != 0);
        distance -= usize::from(hn & mask != 0);
        let hp = (hp << 1) | 1;
        let hn = hn << 1;
        vp = hn | !(d0 | hp);
        vn = hp & d0;
        pm_before = pm;
    }
    (distance <= limit).then_some(distance)
}

/// How many leading bytes `input` (in lower case) and `name` (ASCII, compared in lower
/// case) share: eight at a time, then one at a time (a byte at a time was most of a
/// suggestion's instructions for a typo late in a long name).
fn same_prefix(input: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let (Some(a), Some(b)) = (input.get(at..at + 8), name.get(at..at + 8)) {
        let differ = le_word(a) ^ ascii_lower(le_word(b));
        if differ != 0 {
            return at + (differ.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let (input, name) = (
        input.get(at..).unwrap_or_default(),
        name.get(at..).unwrap_or_default(),
    );
    let same = input
        .iter()
        .zip(name)
        .take_while(|(a, b)| **a == b.to_ascii_lowercase());
    at + same.count()
}

/// Eight ASCII bytes in lower case: bit 0x20 set in each of `A` to `Z`. (No byte is 0x80 or
/// more, so no sum below carries into the next byte.)
fn ascii_lower(word: u64) -> u64 {
    let from_a = word.wrapping_add(splat(0x80 - b'A'));
    let past_z = word.wrapping_add(splat(0x80 - b'Z' - 1));
    word | ((from_a & !past_z & HIGHS) >> 2)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::prelude::*;

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours each cost one. The reference the bounded search is
    /// tested against.
    fn edit_distance(a: &[char], b: &[char]) -> usize {
        let width = b.len() + 1;
        let mut rows = alloc::vec![0usize; (a.len() + 1) * width];
        // Every cell read is in the table: the checked reads never miss, and link no panic.
        let cell =
            |rows: &[usize], i: usize, j: usize| rows.get(i * width + j).copied().unwrap_or(0);
        for (j, cell) in rows.iter_mut().enumerate().take(width) {
            *cell = j;
        }
        for (i, &ai) in a.iter().enumerate().map(|(i, c)| (i + 1, c)) {
            if let Some(first) = rows.get_mut(i * width) {
                *first = i;
            }
            for (j, &bj) in b.iter().enumerate().map(|(j, c)| (j + 1, c)) {
                let cost = usize::from(ai != bj);
                let mut best = (cell(&rows, i - 1, j) + 1)
                    .min(cell(&rows, i, j - 1) + 1)
                    .min(cell(&rows, i - 1, j - 1) + cost);
                let swapped =
                    i > 1 && j > 1 && a.get(i - 2) == b.get(j - 1) && b.get(j - 2) == Some(&ai);
                if swapped {
                    best = best.min(cell(&rows, i - 2, j - 2) + 1);
                }
                if let Some(slot) = rows.get_mut(i * width + j) {
                    *slot = best;
                }
            }
        }
        cell(&rows, a.len(), b.len())
    }

    const KEYS: &[&str] = &["acceptedIncident1", "commitSolution1", "confirm"];

    /// Each of `list`'s names may be suggested, and is suggested for itself written in
    /// capitals (the only name at no distance, however alike the names of a list are,
    /// while no two differ in case only): what every list of the core that a typo is
    /// matched against must pass (rules.rs and options.rs test theirs; the root crate's
    /// own lists are checked where they are defined, at compile time).
    pub(crate) fn assert_each_suggests_itself(list: &[&'static str]) {
        assert!(suggestible_names(list), "{list:?}");
        for &name in list {
            assert_eq!(
                suggest(&name.to_ascii_uppercase(), list),
                Some(name),
                "{name}"
            );
        }
    }

    #[test]
    fn only_ascii_names_up_to_64_bytes_may_be_suggested() {
        assert!(!suggestible_names(&["confirm", "Ünïcode"]));
        assert!(!suggestible_names(&["x".repeat(65).as_str()]));
        assert!(suggestible_names(&["x".repeat(64).as_str()]));
    }

    /// The shared prefix eight bytes at a time is the one found a byte at a time, for
    /// every ASCII byte at every place of a word and texts of every length to 40.
    #[test]
    fn the_shared_prefix_is_found_a_word_at_a_time() {
        for byte in 0..0x80u8 {
            for at in 0..8 {
                let mut word = [b'q'; 8];
                word[at] = byte;
                let lowered: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
                assert_eq!(
                    ascii_lower(u64::from_le_bytes(word)).to_le_bytes(),
                    lowered[..]
                );
            }
        }
        let by_bytes = |input: &[u8], name: &[u8]| {
            let same = input.iter().zip(name);
            same.take_while(|(a, b)| **a == b.to_ascii_lowercase())
                .count()
        };
        let mut next = crate::xorshift(0x7072_6566);
        for _ in 0..100_000 {
            let name: Vec<u8> = (0..next() % 40)
                .map(|_| b"aAzZ_1"[(next() % 6) as usize])
                .collect();
            let mut input: Vec<u8> = name.iter().map(u8::to_ascii_lowercase).collect();
            input.truncate((next() % 41) as usize);
            if let Some(byte) = input.get_mut((next() % 41) as usize) {
                *byte = [b'b', 0xFF, b'A', b'z'][(next() % 4) as usize];
            }
            assert_eq!(
                same_prefix(&input, &name),
                by_bytes(&input, &name),
                "{input:?} {name:?}"
            );
        }
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(suggest("confirn", KEYS), Some("confirm"));
        assert_eq!(suggest("CONFIRM", KEYS), Some("confirm"));
        assert_eq!(suggest("acceptIncident", KEYS), Some("acceptedIncident1"));
        assert_eq!(suggest("commitSolution", KEYS), Some("commitSolution1"));
        assert_eq!(suggest("cuase", &["cause", "solution"]), Some("cause"));
    }

    /// The suggestion as it was computed before the bounded search: every distance in
    /// full, over characters, to each name that may be suggested.
    fn reference(input: &str, candidates: &[&'static str]) -> Option<&'static str> {
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
            .filter(|name| suggestible(name))
            .map(|&candidate| {
                let target: Vec<char> = candidate.chars().map(|c| c.to_ascii_lowercase()).collect();
                (edit_distance(&input, &target), candidate, target.len())
            })
            .filter(|&(distance, _, len)| distance <= (len / 3).max(1))
            .min_by_key(|&(distance, _, _)| distance)
            .map(|(_, candidate, _)| candidate)
    }

    /// The bounded distance is the full one whenever it is within the limit, whatever
    /// the two words share at their ends.
    #[test]
    fn the_bounded_distance_is_the_full_distance() {
        let mut random = crate::xorshift(0x9E37_79B9_7F4A_7C15_u64);
        let mut next = |n: usize| (random() % n as u64) as usize;
        let alphabet = b"abcab_";
        for _ in 0..50_000 {
            let word = |next: &mut dyn FnMut(usize) -> usize| -> Vec<u8> {
                (0..next(9))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect()
            };
            let (middle_a, middle_b) = (word(&mut next), word(&mut next));
            let (head, tail) = (word(&mut next), word(&mut next));
            let a = [&head[..], &middle_a, &tail].concat();
            let b = [&head[..], &middle_b, &tail].concat();
            let chars = |w: &[u8]| w.iter().map(|&c| char::from(c)).collect::<Vec<_>>();
            let full = edit_distance(&chars(&a), &chars(&b));
            for limit in [full, full + 2] {
                assert_eq!(within(&a, &b, limit), Some(full), "{a:?} {b:?}");
            }
            if full > 0 {
                assert_eq!(within(&a, &b, full - 1), None, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_bounded_search_agrees_with_the_full_one() {
        const NAMES: &[&str] = &[
            "incident_num",
            "operator",
            "operate_key",
            "parameter",
            "mtm_type",
            "cause",
            "solution",
            "start_time",
            "fault_recovery_time",
            "is_service_interrupt",
            "virtual_confirm_result",
            "virtual_confirm_comment",
            "confirm",
            "a",
            "ab",
            "acceptedIncident1",
            "commitSolution1",
            // Never suggested: a name not ASCII, and one longer than MAX_NAME; then one
            // of exactly MAX_NAME, the longest that is.
            "Ünïcode",
            "a_name_longer_than_sixty_four_characters_which_is_never_suggested",
            "a_name_of_exactly_sixty_four_characters_the_last_bit_of_a_word_x",
        ];
        // A small generator, seeded: edits of names, and noise.
        let mut random = crate::xorshift(0x2545_F491_4F6C_DD1D_u64);
        let mut next = |n: usize| (random() % n as u64) as usize;
        let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz_ABCZ19 éü字😀".chars().collect();
        for _ in 0..20_000 {
            let mut word: Vec<char> = NAMES[next(NAMES.len())].chars().collect();
            for _ in 0..next(5) {
                let at = next(word.len() + 1);
                match next(4) {
                    0 if at < word.len() => {
                        word.remove(at);
                    }
                    1 => word.insert(at, alphabet[next(alphabet.len())]),
                    2 if at + 1 < word.len() => word.swap(at, at + 1),
                    _ if at < word.len() => word[at] = alphabet[next(alphabet.len())],
                    _ => {}
                }
            }
            let word: String = word.into_iter().collect();
            for set in [NAMES, &NAMES[..4], &NAMES[9..13], KEYS] {
                assert_eq!(suggest(&word, set), reference(&word, set), "{word:?}");
            }
        }
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(suggest("delete", KEYS), None);
        assert_eq!(suggest("", KEYS), None);
        assert_eq!(suggest(&"x".repeat(1000), KEYS), None);
        assert_eq!(suggest("start", &["start_time"]), None);
        assert_eq!(suggest("Ünïcode", &["Ünïcode"]), None);
    }
}
