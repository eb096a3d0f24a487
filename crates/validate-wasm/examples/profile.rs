//! Replays one tape many times, natively, for a profiler that counts instructions
//! (repeatable on a busy machine, unlike a timer). The tapes are the benchmark's
//! inputs as JavaScript writes them: `node bench/tapes.mjs` (after `npm run build`),
//! then `cargo build --release --example profile -p coc-incident-validate` and
//! `valgrind --tool=callgrind target/release/examples/profile target/tapes/solution.tape 20000`.
//! A tape named `build.tape` is built (`buildHandleRequest`); any other is validated.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("a tape: node bench/tapes.mjs writes them");
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let tape: &'static [u8] = std::fs::read(&path).expect("a readable tape").leak();
    // A build keeps its options' envelope for the next (the memo), as the module does
    // between calls: every call after the first is a build with known options.
    let mut memo = Box::new(coc_incident_validate::Memo::EMPTY);
    let mut verdicts = Box::new(coc_incident_validate::Verdicts::new());
    let build = path.ends_with("build.tape");
    let mut statuses = 0;
    for _ in 0..count {
        let tape = std::hint::black_box(tape);
        let (status, _) = if build {
            coc_incident_validate::build(tape, &mut memo)
        } else {
            coc_incident_validate::validate(tape, &mut verdicts)
        };
        statuses += status as u32;
    }
    println!("{count} calls of {path}, statuses summed: {statuses}");
}
