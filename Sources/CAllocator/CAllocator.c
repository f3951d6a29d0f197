// SPDX-License-Identifier: Apache-2.0
#include "CAllocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int switchboard_release_free_heap(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
