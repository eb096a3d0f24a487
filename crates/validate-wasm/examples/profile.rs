//! Replays tapes many times, natively, for a profiler that counts instructions
//! (repeatable on a busy machine, unlike a timer). The tapes are the benchmark's
//! inputs as JavaScript writes them: `node bench/tapes.mjs` (after `npm run build`),
//! then `cargo build --release --example profile -p coc-incident-validate` and
//! `valgrind --tool=callgrind target/release/examples/profile target/tapes/solution.tape 20000`.
//! A tape named `build.tape` is built (`buildHandleRequest`); any other is validated.
//! Several tapes are taken in turn, one a call (`target/tapes/solutions.0.tape
//! target/tapes/solutions.1.tape … 20000`): a different request each call, which the
//! module neither answers as the last clean one nor takes a string's last verdict for.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let counted = args
        .split_last()
        .and_then(|(last, paths)| Some((last.parse().ok()?, paths)));
    let (count, paths) = counted.unwrap_or((100_000, &args[..]));
    assert!(
        !paths.is_empty(),
        "a tape: node bench/tapes.mjs writes them"
    );
    let tapes: Vec<&'static [u8]> = paths
        .iter()
        .map(|path| &*std::fs::read(path).expect("a readable tape").leak())
        .collect();
    // A build keeps its options' envelope for the next (the memo), as the module does
    // between calls: every call after the first is a build with known options.
    let mut memo = Box::new(coc_incident_validate::Memo::EMPTY);
    let mut verdicts = Box::new(coc_incident_validate::Verdicts::new());
    let build = paths.iter().all(|path| path.ends_with("build.tape"));
    let validate = paths.iter().all(|path| !path.ends_with("build.tape"));
    assert!(
        build || validate,
        "tapes to build and tapes to validate, together"
    );
    let mut statuses = 0;
    for i in 0..count {
        let tape = std::hint::black_box(tapes[i % tapes.len()]);
        let (status, _) = if build {
            coc_incident_validate::build(tape, &mut memo)
        } else {
            coc_incident_validate::validate(tape, &mut verdicts)
        };
        statuses += status as u32;
    }
    println!(
        "{count} calls of {}, statuses summed: {statuses}",
        paths.join(" ")
    );
}
