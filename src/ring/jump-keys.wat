;; Jump consistent hash of a key in one call (ring/jump-keys.ts): xxh64 of the UTF-8 key that hash/xxhash-keys.ts
;; encoded into its module's memory (imported here with that module's xxh64), then Guava's
;; Hashing.consistentHash(long, int) loop (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm",
;; 2014, arXiv:1406.2294) on the 64-bit hash. Written as WebAssembly text by ring-sim; assembled into
;; jump-keys-bytes.ts by `node scripts/build-wasm.mjs`.
;;
;; Exact for buckets <= 2^21 (callers take ring/jump.ts's general loop above that). Guava computes each step as
;;   next = (int) ((candidate + 1) / (r / 2^31)),  r = (int) (state >>> 33) + 1,
;; the once-rounded double quotient x = (candidate + 1) * 2^31 / r, truncated. Below 2^22 a double's spacing is at
;; most 2^-31 while x sits at least 1/r > 2^-31 from any whole number it is not equal to, so rounding never
;; carries x across one: (int) x = floor(x), and a step ends the loop exactly when floor(x) >= buckets, that is
;; when (candidate + 1) * 2^31 >= buckets * r, two products exact in doubles (both below 2^53 when buckets <=
;; 2^21) that wait for no division. Otherwise floor(x) < buckets is found without the division on the
;; step-to-step path: q = (candidate + 1) * (2^31 / r), two roundings, is within x * 2^-52 of x. Below a whole
;; number x sits at least 1/r away, farther than that error while candidate + 1 < 2^21, so m = floor(q) never
;; exceeds floor(x); it is one short when x is whole and q rounds just below it (candidate + 1 = 49,
;; r = 49 * 2^11 does). The exact remainder t = (candidate + 1) * 2^31 - m * r tells: t >= r means m + 1.
;; r = 2^31 wraps to -2^31 in Java's int, whose negative quotient ends the loop; read as a signed i32 here it is
;; -2^31 too, so buckets * r is negative and the exit test ends the loop the same way.
(module
  (import "hash" "memory" (memory 1))
  (import "hash" "xxh64" (func $xxh64 (param i32 i32 i32)))

  (func $jump (param $state i64) (param $buckets i32) (result i32)
    (local $r i32) (local $rf f64) (local $c1 f64) (local $m f64) (local $t f64) (local $b f64)
    ;; c1 = candidate + 1
    (local.set $c1 (f64.const 1))
    (local.set $b (f64.convert_i32_u (local.get $buckets)))
    (block $done
      (loop $step
        ;; state = state * 2862933555777941757 + 1 (mod 2^64)
        (local.set $state (i64.add (i64.mul (local.get $state) (i64.const 2862933555777941757)) (i64.const 1)))
        (local.set $r (i32.add (i32.wrap_i64 (i64.shr_u (local.get $state) (i64.const 33))) (i32.const 1)))
        (local.set $rf (f64.convert_i32_s (local.get $r)))
        ;; floor(x) >= buckets, i.e. c1 * 2^31 >= buckets * r (both exact; always, for r = -2^31): the loop ends
        ;; without the quotient
        (br_if $done (f64.ge (f64.mul (local.get $c1) (f64.const 2147483648)) (f64.mul (local.get $b) (local.get $rf))))
        ;; the reciprocal depends on the LCG alone, so it is ready before the candidate is
        (local.set $m (f64.floor (f64.mul (local.get $c1) (f64.div (f64.const 2147483648) (local.get $rf)))))
        (local.set $t (f64.sub (f64.mul (local.get $c1) (f64.const 2147483648)) (f64.mul (local.get $m) (local.get $rf))))
        (if (f64.ge (local.get $t) (local.get $rf))
          (then (local.set $m (f64.add (local.get $m) (f64.const 1)))))
        (local.set $c1 (f64.add (local.get $m) (f64.const 1)))
        (br $step)))
    (i32.trunc_f64_u (f64.sub (local.get $c1) (f64.const 1))))

  ;; The bucket of the 64-bit input (high, low halves).
  (func (export "jumpHash") (param $high i32) (param $low i32) (param $buckets i32) (result i32)
    (call $jump
      (i64.or (i64.shl (i64.extend_i32_u (local.get $high)) (i64.const 32)) (i64.extend_i32_u (local.get $low)))
      (local.get $buckets)))

  ;; The bucket of xxh64(the encoded key's `len` bytes, seed (seedHigh, seedLow)).
  (func (export "jumpKey") (param $len i32) (param $seedHigh i32) (param $seedLow i32) (param $buckets i32) (result i32)
    (call $xxh64 (local.get $len) (local.get $seedHigh) (local.get $seedLow))
    (call $jump (i64.load (i32.const 0)) (local.get $buckets))))
