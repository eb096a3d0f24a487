//! The allocator on wasm32: a bump arena above the module's own memory, rewound to
//! empty by each call. A call's allocations (the input's tree, the report, the
//! answer) cost a pointer bump each and are dropped all at once, so no call leaves
//! anything behind and memory is the largest call's, however many calls there are.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::ptr;
use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

const PAGE: usize = 65_536;
/// What the arena takes at its first use: 4 MiB, more than any input within the core's
/// limits (MAX_NODES values) measured in the fuzzer needs (1.5 MiB at most). Its peak
/// would otherwise depend on the order inputs come in (a block that grows where it
/// cannot leaves its old bytes until the call ends), and memory, which wasm cannot
/// give back, would creep up a page at a time; reserved once, it stays flat. A larger
/// input (a string of megabytes) still grows it.
const RESERVE_PAGES: usize = 64;

/// The arena's first byte (0 until the first allocation finds it), its next free
/// byte, and the end of the memory it may use without growing.
static BASE: AtomicUsize = AtomicUsize::new(0);
static NEXT: AtomicUsize = AtomicUsize::new(0);
static END: AtomicUsize = AtomicUsize::new(0);

/// Forgets every allocation. Only between calls: nothing allocated may outlive one.
pub fn rewind() {
    NEXT.store(BASE.load(Relaxed), Relaxed);
}

/// A block that no rewind ever frees: the arena starts after it from now on. Only
/// between calls, when nothing else is allocated (it rewinds first).
pub fn keep(size: usize) -> *mut u8 {
    rewind();
    let block = Arena::reserve(size, 8);
    if !block.is_null() {
        BASE.store(NEXT.load(Relaxed), Relaxed);
    }
    block
}

/// The bump allocator.
pub struct Arena;

impl Arena {
    fn reserve(size: usize, align: usize) -> *mut u8 {
        if BASE.load(Relaxed) == 0 {
            // The arena starts where the module's memory (data and stack) ends.
            let end = wasm32::memory_size(0) * PAGE;
            let reserved = if wasm32::memory_grow(0, RESERVE_PAGES) == usize::MAX {
                0
            } else {
                RESERVE_PAGES * PAGE
            };
            BASE.store(end, Relaxed);
            NEXT.store(end, Relaxed);
            END.store(end + reserved, Relaxed);
        }
        let start = (NEXT.load(Relaxed) + align - 1) & !(align - 1);
        let Some(end) = start.checked_add(size) else {
            return ptr::null_mut();
        };
        let limit = END.load(Relaxed);
        if end > limit {
            let pages = (end - limit).div_ceil(PAGE);
            if wasm32::memory_grow(0, pages) == usize::MAX {
                return ptr::null_mut();
            }
            END.store(limit + pages * PAGE, Relaxed);
        }
        NEXT.store(end, Relaxed);
        start as *mut u8
    }
}

// SAFETY: wasm32 without threads runs one call at a time, so the bump pointer has a
// single user; every block handed out lies in linear memory that was grown for it
// and is never handed out again before `rewind`, which runs only between calls.
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Arena::reserve(layout.size(), layout.align())
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // Freeing the last block gives its bytes back (a Vec that grew and moved).
        if block as usize + layout.size() == NEXT.load(Relaxed) {
            NEXT.store(block as usize, Relaxed);
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The last block grows in place: a Vec pushed to while nothing else is made.
        let start = block as usize;
        if start + layout.size() == NEXT.load(Relaxed) {
            NEXT.store(start, Relaxed);
            let grown = Arena::reserve(new_size, layout.align());
            if grown == block {
                return grown;
            }
            NEXT.store(start + layout.size(), Relaxed);
        }
        let moved = Arena::reserve(new_size, layout.align());
        if !moved.is_null() {
            // SAFETY: both blocks are live and distinct; the old one holds
            // `layout.size()` bytes and the new one at least as many when it grows.
            unsafe { ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size)) };
        }
        moved
    }
}
