// SPDX-License-Identifier: Apache-2.0
import CAllocator

/// Gives freed heap pages back to the operating system.
enum FreeMemory {
    /// glibc keeps freed memory in its arenas, so a burst of short-lived allocations leaves the
    /// resident size at its peak long after; `malloc_trim` releases the free pages of every
    /// arena. A few milliseconds of work, so only after a burst has ended.
    static func returnToSystem() {
        _ = switchboard_release_free_heap()
    }
}
