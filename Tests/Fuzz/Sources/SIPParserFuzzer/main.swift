// SPDX-License-Identifier: Apache-2.0

import Glibc

// SwiftPM links an executable's `main` to this module's top-level code, so libFuzzer's own `main`
// is not used: hand the command line to libFuzzer's driver here instead.
exit(runLibFuzzer())
