//! Validates one valid request's tape many times, natively, for a profiler that counts
//! instructions (repeatable on a busy machine, unlike a timer):
//! `cargo build --release --example profile -p coc-incident-validate`, then
//! `valgrind --tool=callgrind target/release/examples/profile solution 20000`
//! (`accept` or `solution`; the count).
use coc_incident_validate::tape::{NUMBER, OBJECT, STRING, TRUE, UNDEFINED};

fn word(tape: &mut Vec<u8>, w: u32) {
    tape.extend_from_slice(&w.to_le_bytes());
}
fn text(tape: &mut Vec<u8>, s: &str) {
    let units: Vec<u16> = s.encode_utf16().collect();
    word(tape, units.len() as u32);
    for u in &units {
        tape.extend_from_slice(&u.to_le_bytes());
    }
    if units.len() % 2 == 1 {
        tape.extend_from_slice(&[0, 0]);
    }
}
fn string(tape: &mut Vec<u8>, key: &str, s: &str) {
    text(tape, key);
    word(tape, STRING);
    text(tape, s);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "accept".into());
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let mut t = Vec::new();
    word(&mut t, OBJECT);
    word(&mut t, 4);
    word(&mut t, 0);
    string(&mut t, "incident_num", "IM202403221515060171753781");
    string(&mut t, "operator", "7da46971b7e24eed90cf777cc2ff8b91");
    match case.as_str() {
        "solution" => {
            string(&mut t, "operate_key", "commitSolution1");
            text(&mut t, "parameter");
            word(&mut t, OBJECT);
            word(&mut t, 6);
            word(&mut t, 0);
            string(&mut t, "mtm_type", "inc_type_p_config_issues");
            text(&mut t, "is_service_interrupt");
            word(&mut t, TRUE);
            string(
                &mut t,
                "cause",
                "The log volume filled up after a retention change.",
            );
            string(
                &mut t,
                "solution",
                "Rotated the logs, restored retention and added a disk alert.",
            );
            for (k, n) in [
                ("start_time", 1711000000000.0f64),
                ("fault_recovery_time", 1711000600000.0),
            ] {
                text(&mut t, k);
                word(&mut t, NUMBER);
                t.extend_from_slice(&n.to_le_bytes());
            }
        }
        _ => {
            string(&mut t, "operate_key", "acceptedIncident1");
            text(&mut t, "parameter");
            word(&mut t, OBJECT);
            word(&mut t, 0);
            word(&mut t, 0);
        }
    }
    word(&mut t, UNDEFINED);
    let t: &'static [u8] = t.leak(); // a tape outlives what is read from it
    let mut statuses = 0;
    for _ in 0..count {
        let (status, _) = coc_incident_validate::validate(std::hint::black_box(t));
        statuses += status as u32;
    }
    // 0: every call was valid (Status::Clean), as these requests are.
    println!("{case}: {count} calls, status sum {statuses}");
}
