// SPDX-License-Identifier: Apache-2.0
// What Swift cannot reach of the C allocator: glibc's malloc.h is not part of the Glibc module.
#pragma once

/// Returns the free pages of every malloc arena to the kernel; 1 if any were released.
/// Does nothing (returns 0) where the C library is not glibc.
int switchboard_release_free_heap(void);
