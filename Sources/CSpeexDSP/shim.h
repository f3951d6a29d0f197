// SPDX-License-Identifier: Apache-2.0
// libspeexdsp: sample-rate conversion of music-on-hold and prompt audio.
#include <speex/speex_resampler.h>
