//! The module's exports, as `src/validate/index.js` calls them:
//! 1. a tape that fits the scratch area (nearly every one) is written there by
//!    JavaScript directly; a longer one is written where `input(len)` answers, a block
//!    of the arena;
//! 2. `validate(at, len)` or `build(at, len)` reads the tape at `at` and answers a
//!    [`Status`];
//! 3. `answer()` points at four u32: the numbers' address and count, the text's
//!    address and length in bytes (UTF-8). They stay until the next call.
//!
//! `names()`, once at start, answers the limits of one input (`MAX_DEPTH`,
//! `MAX_NODES`), where the scratch area is (address, size), how many names,
//! templates, labels and type phrases follow, the places of the `Quoted` and
//! `Separator` templates, and the tape's layout (`tape::LAYOUT`), as its numbers;
//! and as its text, one a line: the names table, the message templates (English,
//! Chinese), the labels (English, Chinese) and the type phrases (name, English,
//! Chinese).

use alloc::vec::Vec;
use core::sync::atomic::{AtomicU32, AtomicUsize, Ordering::Relaxed};

use crate::answer::{Answer, Status};
use crate::arena::{self, Arena};
use crate::memo::Memo;
use crate::verdicts::Verdicts;
use crate::{labels, names, tape};
use coc_incident_core::internal::{Template, TEMPLATES, TYPE_PHRASES};
use coc_incident_core::{MAX_DEPTH, MAX_NODES};

#[global_allocator]
static ALLOCATOR: Arena = Arena;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    // A trap, not a message: formatting one would link the formatter into every page.
    core::arch::wasm32::unreachable()
}

/// The block `input` reserved for the next call's tape, and its size.
static TAPE: AtomicUsize = AtomicUsize::new(0);
static TAPE_CAPACITY: AtomicUsize = AtomicUsize::new(0);
/// What `answer()` points at.
static ANSWER: [AtomicU32; 4] = [const { AtomicU32::new(0) }; 4];

/// What JavaScript writes a tape into when it fits (nearly every one does): written
/// there in place, it is not copied in, and the call takes one crossing. Kept out of
/// the arena, so no rewind frees it.
const SCRATCH_BYTES: usize = 64 * 1024;
static SCRATCH: AtomicUsize = AtomicUsize::new(0);

/// Starts a call: the arena rewound (freeing the last call's values and answer), no
/// answer yet, and no block of `input`'s to be read any more (the rewind freed it: a
/// call given its address later must not read it). The verdicts kept are forgotten:
/// every call but `validate` of a tape in the scratch area starts so, whether or not
/// it gets as far as reading a tape (`input` failing to reserve a block leaves the
/// JavaScript side's tape unread, and its marks speak of that tape).
fn start() {
    start_keeping_verdicts();
    verdicts().forget();
}

/// [`start`], the verdicts kept: for a tape in the scratch area.
fn start_keeping_verdicts() {
    arena::rewind();
    TAPE.store(0, Relaxed);
    for slot in &ANSWER {
        slot.store(0, Relaxed);
    }
}

/// Starts a call whose tape does not fit the scratch area, and answers where to write
/// it: a block of `len` bytes of the arena, or 0 when memory cannot grow that far.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    start();
    let mut tape: Vec<u8> = Vec::new();
    if tape.try_reserve_exact(len).is_err() {
        return core::ptr::null_mut();
    }
    let at = tape.as_mut_ptr();
    // The arena is rewound, never freed block by block: the tape's bytes stay
    // reserved until the next call.
    core::mem::forget(tape);
    TAPE.store(at as usize, Relaxed);
    TAPE_CAPACITY.store(len, Relaxed);
    at
}

/// The tape at `at`, `len` bytes: in the scratch area (and the call starts here), or
/// the block `input` gave (once). Anything else is no tape: empty, which reads as
/// malformed. Whether it is in the scratch area too: only such a tape marks strings
/// unchanged (tape.js), and keeps the verdicts (any other's call forgot them, in
/// `input` or here).
fn tape(at: usize, len: usize) -> (&'static [u8], bool) {
    let scratch = SCRATCH.load(Relaxed);
    if at != 0 && at == scratch && len <= SCRATCH_BYTES {
        start_keeping_verdicts();
    } else if at != 0 && at == TAPE.load(Relaxed) && len <= TAPE_CAPACITY.load(Relaxed) {
        TAPE.store(0, Relaxed);
    } else {
        start();
        return (&[], false);
    }
    // SAFETY: `at` is the scratch area, kept for good, or the block `input` reserved
    // in the arena for this call, which stays reserved until the next call starts
    // (`start` runs before anything is allocated). JavaScript wrote the bytes before
    // this call, and nothing in Rust writes them. The slice is `'static` for the call
    // only: texts are borrowed from it, and nothing read from it outlives the call
    // (`answer` keeps the values until it returns and copies what it answers).
    let tape = unsafe { core::slice::from_raw_parts(at as *const u8, len) };
    (tape, at == scratch)
}

fn publish((status, answer): (Status, Answer)) -> u32 {
    let Answer { numbers, text, .. } = answer;
    ANSWER[0].store(numbers.as_ptr() as u32, Relaxed);
    ANSWER[1].store(numbers.len() as u32, Relaxed);
    ANSWER[2].store(text.as_ptr() as u32, Relaxed);
    ANSWER[3].store(text.len() as u32, Relaxed);
    // Kept (in the arena) for JavaScript to read until the next call starts.
    core::mem::forget(numbers);
    core::mem::forget(text);
    status as u32
}

/// What the last call found of the strings of its tape (see [`Verdicts`]): in the
/// module's memory, outside the arena, which each call rewinds. Only `validate` on the
/// scratch area keeps them; every other call forgets them (`start`, and `build`).
static mut VERDICTS: Verdicts = Verdicts::new();

fn verdicts() -> &'static mut Verdicts {
    // SAFETY: wasm32 without threads runs one call at a time, and nothing in a call
    // calls back out (the module imports nothing); each call takes this reference once
    // at a time and lets it go before taking it again.
    unsafe { &mut *core::ptr::addr_of_mut!(VERDICTS) }
}

/// `validateHandleRequest` of the tape at `at`, `len` bytes long.
#[no_mangle]
pub extern "C" fn validate(at: usize, len: usize) -> u32 {
    let (tape, in_scratch) = tape(at, len);
    // The verdicts found on a tape elsewhere are not kept: the next tape's marks can
    // only speak of the scratch area, so the verdicts kept are only ever found there.
    // (Made only here: a `Verdicts` holds a kilobyte, cleared when made.)
    if !in_scratch {
        return publish(crate::answer::validate(tape, &mut Verdicts::new()));
    }
    publish(crate::answer::validate(tape, verdicts()))
}

/// What the last builds kept of their options (see [`Memo`]): in the module's memory,
/// outside the arena, which each call rewinds (zeroed, it takes no bytes of the file).
static mut MEMO: Memo = Memo::EMPTY;

/// `buildHandleRequest` of the tape at `at`, `len` bytes long.
#[no_mangle]
pub extern "C" fn build(at: usize, len: usize) -> u32 {
    // A build reads no verdict, and keeps none: the next tape's marks speak of this
    // one. (`tape` keeps them for a tape in the scratch area.)
    verdicts().forget();
    // SAFETY: wasm32 without threads runs one call at a time, and nothing in a call
    // calls back out (the module imports nothing): this is the only reference to
    // MEMO while it lives, for this call.
    let memo = unsafe { &mut *core::ptr::addr_of_mut!(MEMO) };
    publish(crate::answer::build(tape(at, len).0, memo))
}

/// The limits, the scratch area and the tables JavaScript reads answers with, as the
/// answer's numbers and text (see above). Called once, before any tape.
#[no_mangle]
pub extern "C" fn names() -> u32 {
    if SCRATCH.load(Relaxed) == 0 {
        SCRATCH.store(arena::keep(SCRATCH_BYTES) as usize, Relaxed);
    }
    start();
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
    // How many lines of each table `START_TEXT` holds.
    for count in [
        names::table().len(),
        TEMPLATES.len(),
        labels::labels().len(),
        TYPE_PHRASES.len(),
    ] {
        answer.numbers.push(count as f64);
    }
    // The two templates JavaScript renders pieces of messages with.
    answer.numbers.push(Template::Quoted as usize as f64);
    answer.numbers.push(Template::Separator as usize as f64);
    answer.numbers.push(f64::from(tape::LAYOUT));
    answer.raw_text(crate::START_TEXT);
    publish((Status::Clean, answer))
}

/// Where the last answer is: numbers' address and count, text's address and length
/// in bytes.
#[no_mangle]
pub extern "C" fn answer() -> *const AtomicU32 {
    ANSWER.as_ptr()
}
