//! The module's exports, as `src/validate/index.js` calls them:
//! 1. `input(len)` rewinds the arena and answers where to write a tape of `len` bytes;
//! 2. `validate(len)` or `build(len)` reads it and answers a [`Status`];
//! 3. `answer()` points at four u32: the numbers' address and count, the text's
//!    address and length in bytes (UTF-8). They stay until the next `input`.
//!
//! `names()`, once at start, answers the limits of one input (`MAX_DEPTH`,
//! `MAX_NODES`) and where the scratch area is (address, size) as its numbers, and the
//! names table as its text, one name a line. A tape that fits the scratch area is
//! written there by JavaScript directly, and `input` answers that address.

use alloc::vec::Vec;
use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering::Relaxed};

use crate::answer::{Answer, Status};
use crate::arena::{self, Arena};
use crate::names;
use coc_incident_core::{MAX_DEPTH, MAX_NODES};

#[global_allocator]
static ALLOCATOR: Arena = Arena;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // A trap, not a message: formatting one would link the formatter into every page.
    core::arch::wasm32::unreachable()
}

/// Where the tape is and how long it may be.
static TAPE: AtomicUsize = AtomicUsize::new(0);
static TAPE_CAPACITY: AtomicUsize = AtomicUsize::new(0);
/// What `answer()` points at.
static ANSWER: [AtomicU32; 4] = [const { AtomicU32::new(0) }; 4];

/// What JavaScript writes a tape into when it fits (nearly every one does): written
/// there in place, it is not copied in. Kept out of the arena, so no rewind frees it.
const SCRATCH_BYTES: usize = 64 * 1024;
static SCRATCH: AtomicUsize = AtomicUsize::new(0);

/// Rewinds the arena and answers where to write the next tape of `len` bytes: the
/// scratch area when it fits, else a block of the arena.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    arena::rewind();
    for slot in &ANSWER {
        slot.store(0, Relaxed);
    }
    let scratch = SCRATCH.load(Relaxed);
    if scratch != 0 && len <= SCRATCH_BYTES {
        TAPE.store(scratch, Relaxed);
        TAPE_CAPACITY.store(SCRATCH_BYTES, Relaxed);
        return scratch as *mut u8;
    }
    let mut tape: Vec<u8> = Vec::new();
    if tape.try_reserve_exact(len).is_err() {
        TAPE_CAPACITY.store(0, Relaxed);
        return core::ptr::null_mut();
    }
    let at = tape.as_mut_ptr();
    // The arena is rewound, never freed block by block: the tape's bytes stay
    // reserved until the next `input`.
    core::mem::forget(tape);
    TAPE.store(at as usize, Relaxed);
    TAPE_CAPACITY.store(len, Relaxed);
    at
}

fn tape(len: usize) -> &'static [u8] {
    let at = TAPE.load(Relaxed);
    if at == 0 || len > TAPE_CAPACITY.load(Relaxed) {
        return &[];
    }
    // SAFETY: `input` pointed at `TAPE_CAPACITY` bytes at `at`: the scratch area, kept
    // for good, or a block of the arena that stays reserved until the next `input`.
    // JavaScript writes them before this call, and nothing in Rust writes them. The
    // slice is `'static` for the call only: texts are borrowed from it, and nothing
    // read from it outlives the call (`answer` keeps the values until it returns and
    // copies what it answers).
    unsafe { core::slice::from_raw_parts(at as *const u8, len) }
}

fn publish((status, answer): (Status, Answer)) -> u32 {
    let Answer { numbers, text, .. } = answer;
    ANSWER[0].store(numbers.as_ptr() as u32, Relaxed);
    ANSWER[1].store(numbers.len() as u32, Relaxed);
    ANSWER[2].store(text.as_ptr() as u32, Relaxed);
    ANSWER[3].store(text.len() as u32, Relaxed);
    // Kept (in the arena) for JavaScript to read until the next `input`.
    core::mem::forget(numbers);
    core::mem::forget(text);
    status as u32
}

/// `validateHandleRequest` of the tape.
#[no_mangle]
pub extern "C" fn validate(len: usize) -> u32 {
    publish(crate::answer::validate(tape(len)))
}

/// `buildHandleRequest` of the tape.
#[no_mangle]
pub extern "C" fn build(len: usize) -> u32 {
    publish(crate::answer::build(tape(len)))
}

/// The limits, the scratch area (address and size) and the names table, one a line,
/// as the answer's numbers and text. Called once, before any tape.
#[no_mangle]
pub extern "C" fn names() -> u32 {
    if SCRATCH.load(Relaxed) == 0 {
        SCRATCH.store(arena::keep(SCRATCH_BYTES) as usize, Relaxed);
    }
    arena::rewind();
    let mut answer = Answer::default();
    answer.numbers.push(MAX_DEPTH as f64);
    answer.numbers.push(MAX_NODES as f64);
    // No scratch area (memory could not grow at start): size 0, and every tape is
    // copied into the arena.
    let scratch = SCRATCH.load(Relaxed);
    answer.numbers.push(scratch as f64);
    answer.numbers.push(if scratch == 0 {
        0.0
    } else {
        SCRATCH_BYTES as f64
    });
    for (i, name) in names::table().iter().enumerate() {
        if i > 0 {
            answer.raw_text("\n");
        }
        answer.raw_text(name);
    }
    TAPE.store(0, Relaxed);
    publish((Status::Clean, answer))
}

/// Where the last answer is: numbers' address and count, text's address and length
/// in bytes.
#[no_mangle]
pub extern "C" fn answer() -> *const AtomicU32 {
    ANSWER.as_ptr()
}
