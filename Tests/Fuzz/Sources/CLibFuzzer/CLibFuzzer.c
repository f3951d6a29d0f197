// SPDX-License-Identifier: Apache-2.0
// Declarations only (include/CLibFuzzer.h); the definitions come from libFuzzer at link time.
#include "CLibFuzzer.h"
