// SPDX-License-Identifier: Apache-2.0
// libcrypto: message digests (MD5, SHA-256, SHA-512/256) and HMAC for SIP digest authentication,
// random bytes, and X.509 for the lab helper `switchboard tls selfsign`.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
