//! The full module's allocator: a free list for each power-of-two size class, over a
//! bump pointer that grows memory. Rust's default on wasm32, dlmalloc, weighed 3.6 KB
//! of the module gzipped. The module's allocations are small and short-lived (a
//! call's strings and reports) or few and long-lived (clients, form bindings), so a
//! block freed is simply reused by the next of its class: no splitting, no merging.
//! Memory is never given back (wasm cannot), and holds at most each class's peak:
//! flat over millions of calls of one kind (tests/js/fuzz.test.mjs measures it).

use core::alloc::Layout;

/// The smallest block: room for the free list's link.
const MIN: usize = if size_of::<usize>() > 8 {
    size_of::<usize>()
} else {
    8
};
/// One class for each power of two from MIN up to the address space.
const CLASSES: usize = (usize::BITS - MIN.trailing_zeros()) as usize;
/// Blocks are handed out aligned to their size up to this; a layout asking more is
/// checked for at reuse.
const NATURAL: usize = 16;

/// The free lists and the bump region. Plain addresses, so that its rules are tested
/// natively over a buffer of the test's, and on wasm32 over linear memory.
pub(crate) struct Classes {
    /// The first free block of each class (0: none); each holds the next's address.
    free: [usize; CLASSES],
    /// The bump region: `[next, end)` is memory not yet handed out.
    next: usize,
    end: usize,
}

impl Classes {
    pub(crate) const fn new() -> Self {
        Classes {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The class of a layout: its index and its blocks' size. `None` past the largest.
    fn class(layout: Layout) -> Option<(usize, usize)> {
        let bytes = layout
            .size()
            .max(layout.align())
            .max(MIN)
            .checked_next_power_of_two()?;
        Some((
            (bytes.trailing_zeros() - MIN.trailing_zeros()) as usize,
            bytes,
        ))
    }

    /// A block for `layout`, or 0 when memory cannot grow to hold one. `grow(bytes)`
    /// adds at least `bytes` of memory and answers where the added memory starts and
    /// ends, or `None`.
    ///
    /// # Safety
    /// Every block on a free list was handed out by this `Classes` and given back, and
    /// nothing else writes it; `grow` answers memory nothing else uses.
    pub(crate) unsafe fn alloc(
        &mut self,
        layout: Layout,
        grow: impl FnOnce(usize) -> Option<(usize, usize)>,
    ) -> usize {
        let Some((class, bytes)) = Self::class(layout) else {
            return 0;
        };
        let head = self.free[class];
        if head != 0 && head % layout.align() == 0 {
            // SAFETY: a free block of this class, at least MIN bytes, holding its link.
            self.free[class] = unsafe { *(head as *const usize) };
            return head;
        }
        let align = layout.align().max(bytes.min(NATURAL));
        let mut start = self.next.next_multiple_of(align);
        if start.checked_add(bytes).is_none_or(|end| end > self.end) {
            let Some((from, to)) = bytes.checked_add(align).and_then(grow) else {
                return 0;
            };
            // Memory grown right after the region extends it; anywhere else starts a
            // new one (what was left of the old is not used again).
            if from != self.end {
                self.next = from;
            }
            self.end = to;
            start = self.next.next_multiple_of(align);
        }
        self.next = start + bytes;
        start
    }

    /// Gives back a block that `alloc` handed out for `layout`.
    ///
    /// # Safety
    /// `block` came from `alloc` with this `layout`, and is not used again.
    pub(crate) unsafe fn dealloc(&mut self, block: usize, layout: Layout) {
        if let Some((class, _)) = Self::class(layout) {
            // SAFETY: the block is the caller's to give, and holds at least MIN bytes.
            unsafe { *(block as *mut usize) = self.free[class] };
            self.free[class] = block;
        }
    }

    /// Whether a block handed out for `layout` holds `new_size` bytes as it is.
    pub(crate) fn fits(layout: Layout, new_size: usize) -> bool {
        Layout::from_size_align(new_size, layout.align())
            .ok()
            .and_then(Self::class)
            .zip(Self::class(layout))
            .is_some_and(|(new, old)| new.0 == old.0)
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::Classes;
    use core::alloc::{GlobalAlloc, Layout};
    use core::arch::wasm32;
    use core::cell::UnsafeCell;
    use core::ptr;

    const PAGE: usize = 65_536;

    struct Allocator(UnsafeCell<Classes>);

    // SAFETY: wasm32 without threads: one call at a time uses the allocator.
    unsafe impl Sync for Allocator {}

    #[global_allocator]
    static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(Classes::new()));

    /// Memory grown by at least `bytes`: where the added pages start and end.
    fn grow(bytes: usize) -> Option<(usize, usize)> {
        let pages = bytes.div_ceil(PAGE);
        let old = wasm32::memory_grow(0, pages);
        (old != usize::MAX).then(|| (old * PAGE, (old + pages) * PAGE))
    }

    // SAFETY: the free lists hold only blocks handed out and given back (the
    // GlobalAlloc contract), and only this allocator grows memory beyond the module's
    // own data and stack.
    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: one user at a time (see Sync), so this is the only reference.
            let classes = unsafe { &mut *self.0.get() };
            // SAFETY: as above.
            unsafe { classes.alloc(layout, grow) as *mut u8 }
        }

        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            // SAFETY: one user at a time; the block is the caller's to give back.
            unsafe { (*self.0.get()).dealloc(block as usize, layout) }
        }

        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // A String or Vec that grows within its block stays (its class has room).
            if Classes::fits(layout, new_size) {
                return block;
            }
            // SAFETY: `new_size` is valid for `layout.align()` (the realloc contract).
            let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
            // SAFETY: as `alloc` and `dealloc`; the blocks are distinct and each holds
            // at least the bytes copied.
            unsafe {
                let moved = self.alloc(new);
                if !moved.is_null() {
                    ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                    self.dealloc(block, layout);
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A buffer of the test's, handed out in `chunk`s as memory grows.
    struct Memory {
        buffer: Vec<u64>,
        used: usize,
        chunk: usize,
    }

    impl Memory {
        fn new(bytes: usize, chunk: usize) -> Self {
            Memory {
                buffer: vec![0; bytes / 8],
                used: 0,
                chunk,
            }
        }

        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let add = bytes.div_ceil(self.chunk) * self.chunk;
            if self.used + add > self.buffer.len() * 8 {
                return None;
            }
            let base = self.buffer.as_mut_ptr() as usize;
            let from = base + self.used;
            self.used += add;
            Some((from, from + add))
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_apart_and_reused_by_their_class() {
        let mut memory = Memory::new(1 << 20, 4096);
        let mut classes = Classes::new();
        let mut alloc = |classes: &mut Classes, l| unsafe { classes.alloc(l, |b| memory.grow(b)) };
        let a = alloc(&mut classes, layout(3, 1));
        let b = alloc(&mut classes, layout(24, 8));
        let c = alloc(&mut classes, layout(100, 4));
        let d = alloc(&mut classes, layout(64, 64));
        for (block, size, align) in [(a, 8, 8), (b, 32, 16), (c, 128, 16), (d, 64, 64)] {
            assert_ne!(block, 0);
            assert_eq!(block % align, 0, "{block:#x} aligned to {align}");
            // Distinct: writing a block's whole class leaves the others alone.
            unsafe { core::ptr::write_bytes(block as *mut u8, size as u8, size) };
        }
        for (block, size) in [(a, 8), (b, 32), (c, 128), (d, 64)] {
            let bytes = unsafe { core::slice::from_raw_parts(block as *const u8, size) };
            assert!(bytes.iter().all(|&x| x == size as u8));
        }
        unsafe { classes.dealloc(b, layout(24, 8)) };
        // The next block of b's class is b; of another class, not.
        assert_eq!(alloc(&mut classes, layout(17, 1)), b);
        unsafe { classes.dealloc(c, layout(100, 4)) };
        assert_ne!(alloc(&mut classes, layout(300, 4)), c);
        assert_eq!(alloc(&mut classes, layout(65, 1)), c);
    }

    #[test]
    fn a_free_block_not_aligned_enough_is_passed_over() {
        let mut memory = Memory::new(1 << 20, 4096);
        let mut classes = Classes::new();
        let small = unsafe { classes.alloc(layout(8, 8), |b| memory.grow(b)) };
        let big = unsafe { classes.alloc(layout(64, 1), |b| memory.grow(b)) };
        // A 64-byte block aligned to 16 only, given back...
        let odd = if big % 64 == 0 { big + 16 } else { big };
        let _ = small;
        unsafe { classes.dealloc(odd, layout(64, 1)) };
        // ...is not handed to a layout that needs 64.
        let aligned = unsafe { classes.alloc(layout(64, 64), |b| memory.grow(b)) };
        assert_eq!(aligned % 64, 0);
        assert_ne!(aligned, odd);
    }

    #[test]
    fn memory_grows_as_needed_and_a_gap_starts_a_new_region() {
        // Memory grown by exactly what is asked.
        let mut memory = Memory::new(1 << 20, 8);
        let mut classes = Classes::new();
        let first = unsafe { classes.alloc(layout(4000, 8), |b| memory.grow(b)) };
        // Someone else took memory after the region: the next block is past it.
        let (_, taken_end) = memory.grow(8).unwrap();
        let second = unsafe { classes.alloc(layout(4000, 8), |b| memory.grow(b)) };
        assert!(second >= taken_end, "{first:#x}, then {second:#x}");
        // Memory that cannot grow: no block, and nothing handed out twice after.
        let none = unsafe { classes.alloc(layout(1 << 21, 8), |b| memory.grow(b)) };
        assert_eq!(none, 0);
        let third = unsafe { classes.alloc(layout(4000, 8), |b| memory.grow(b)) };
        assert!(third != first && third != second && third != 0);
        // The largest layout there is: its class is the last.
        assert_eq!(
            Classes::class(layout(isize::MAX as usize, 1)),
            Some((CLASSES - 1, 1 << (usize::BITS - 1)))
        );
        let none = unsafe { classes.alloc(layout(isize::MAX as usize, 1), |b| memory.grow(b)) };
        assert_eq!(none, 0);
    }

    #[test]
    fn a_block_is_kept_while_its_class_holds_the_new_size() {
        assert!(Classes::fits(layout(5, 1), 8));
        assert!(!Classes::fits(layout(5, 1), 9));
        assert!(Classes::fits(layout(33, 8), 64));
        assert!(Classes::fits(layout(64, 8), 40));
        assert!(!Classes::fits(layout(64, 8), 20));
    }

    #[test]
    fn memory_stays_flat_over_a_million_blocks_of_one_pattern() {
        let mut memory = Memory::new(1 << 22, 65_536);
        let mut classes = Classes::new();
        let mut seed = 7u32;
        let mut live: Vec<(usize, Layout)> = Vec::new();
        let mut peak = 0;
        for round in 0..1_000_000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            if live.len() < 64 && seed % 3 != 0 {
                let l = layout(1 + (seed as usize >> 8) % 5000, 1 << (seed % 4));
                let block = unsafe { classes.alloc(l, |b| memory.grow(b)) };
                assert_ne!(block, 0, "round {round}");
                live.push((block, l));
            } else if let Some(at) = (!live.is_empty()).then(|| seed as usize % live.len()) {
                let (block, l) = live.swap_remove(at);
                unsafe { classes.dealloc(block, l) };
            }
            if round == 100_000 {
                peak = memory.used;
            }
        }
        assert_eq!(memory.used, peak, "grown after the first 100,000");
    }
}
