// SPDX-License-Identifier: Apache-2.0
// libcrypto: message digests (MD5, SHA-256, SHA-512/256) and HMAC for SIP digest authentication.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
