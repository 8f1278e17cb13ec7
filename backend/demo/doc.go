// Package demo generates realistic, deterministic practitioners for a first
// start and for tests and benchmarks: valid RPPS keys (in the 99 range the ANS
// uses for test identities, so no real person is named), real NOS codes,
// plausible addresses in several regions (with real postal and INSEE codes),
// and phone numbers in ranges that are not allocated (06 00 for mobiles, 01 99 00 for landlines, which ARCEP reserves for fiction).
package demo
