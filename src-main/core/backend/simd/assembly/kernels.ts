// Letter Lab's own WebAssembly SIMD kernels (AssemblyScript), compiled by `npm run build:kernels`
// into ../kernels-wasm.ts. The module imports tfjs-backend-wasm's memory and works on tensors in
// place: every argument named like a tensor is a byte offset into that memory. It has no data
// segment, no stack and no allocator: it writes to nothing but the outputs it is pointed at.
//
// Layouts are NHWC tensors and [KH, KW, C, CO] filters, float32, as tfjs uses them.

/** Output pixels per block (convFilterGrad) or partial sum (biasActivationGrad): the block's
 * rows of dy stay in the L1 cache while every tap or channel group walks them. */
const BLOCK_PIXELS: i32 = 128;

/**
 * c + a * b on four lanes: one fused multiply-add where the module is built with relaxed SIMD
 * (the engine rounds once, or twice where the CPU has no FMA), a multiply then an add otherwise.
 */
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

function ceilDiv(a: i32, b: i32): i32 {
  return a <= 0 ? -(-a / b) : (a + b - 1) / b;
}

function floorDiv(a: i32, b: i32): i32 {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/** Stores 16 floats (four vectors) at `out`, through a relu when `relu` is 1. */
function store16(out: usize, a0: v128, a1: v128, a2: v128, a3: v128, relu: i32): void {
  const zeroV = f32x4.splat(0);
  v128.store(out, relu ? f32x4.max(a0, zeroV) : a0);
  v128.store(out, relu ? f32x4.max(a1, zeroV) : a1, 16);
  v128.store(out, relu ? f32x4.max(a2, zeroV) : a2, 32);
  v128.store(out, relu ? f32x4.max(a3, zeroV) : a3, 48);
}

/** Address of element [img, row, col, channel] of the NHWC float32 tensor at `base`. */
function at(
  base: usize,
  img: i32,
  row: i32,
  col: i32,
  channel: i32,
  rows: i32,
  cols: i32,
  channels: i32,
): usize {
  return base + ((<usize>(((img * rows + row) * cols + col) * channels + channel)) << 2);
}

function zero(ptr: usize, floats: i32): void {
  memory.fill(ptr, 0, (<usize>floats) << 2);
}

/**
 * dw[kh, kw, ci, co] = sum over n, oh, ow of x[n, oh*sh + kh - top, ow*sw + kw - left, ci] *
 * dy[n, oh, ow, co], taps in the padding counting as zero. `co` must be a multiple of 4.
 */
export function convFilterGrad(
  x: usize,
  dy: usize,
  dw: usize,
  n: i32,
  h: i32,
  w: i32,
  c: i32,
  oh: i32,
  ow: i32,
  co: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  top: i32,
  left: i32,
): void {
  zero(dw, kh * kw * c * co);
  const rows = max(1, min(oh, BLOCK_PIXELS / ow));
  const xStep = (<usize>(sw * c)) << 2;
  const dyStep = (<usize>co) << 2;
  for (let img = 0; img < n; img++) {
    for (let r0 = 0; r0 < oh; r0 += rows) {
      const r1 = min(oh, r0 + rows);
      for (let i = 0; i < kh; i++) {
        const ra = max(r0, ceilDiv(top - i, sh));
        const rb = min(r1, floorDiv(h - 1 - i + top, sh) + 1);
        if (ra >= rb) continue;
        for (let j = 0; j < kw; j++) {
          const oa = max(0, ceilDiv(left - j, sw));
          const ob = min(ow, floorDiv(w - 1 - j + left, sw) + 1);
          if (oa >= ob) continue;
          for (let cb = 0; cb < co;) {
            const wide = co - cb >= 16;
            let ci = 0;
            if (wide) {
              for (; ci + 1 < c; ci += 2) {
                const out = dw + ((<usize>(((i * kw + j) * c + ci) * co + cb)) << 2);
                const out2 = out + dyStep;
                let a0 = v128.load(out);
                let a1 = v128.load(out, 16);
                let a2 = v128.load(out, 32);
                let a3 = v128.load(out, 48);
                let b0 = v128.load(out2);
                let b1 = v128.load(out2, 16);
                let b2 = v128.load(out2, 32);
                let b3 = v128.load(out2, 48);
                for (let r = ra; r < rb; r++) {
                  let dp = at(dy, img, r, oa, cb, oh, ow, co);
                  let xp = at(x, img, r * sh + i - top, oa * sw + j - left, ci, h, w, c);
                  for (let o = oa; o < ob; o++) {
                    const d0 = v128.load(dp);
                    const d1 = v128.load(dp, 16);
                    const d2 = v128.load(dp, 32);
                    const d3 = v128.load(dp, 48);
                    const x0 = v128.load32_splat(xp);
                    const x1 = v128.load32_splat(xp, 4);
                    a0 = madd(x0, d0, a0);
                    a1 = madd(x0, d1, a1);
                    a2 = madd(x0, d2, a2);
                    a3 = madd(x0, d3, a3);
                    b0 = madd(x1, d0, b0);
                    b1 = madd(x1, d1, b1);
                    b2 = madd(x1, d2, b2);
                    b3 = madd(x1, d3, b3);
                    dp += dyStep;
                    xp += xStep;
                  }
                }
                store16(out, a0, a1, a2, a3, 0);
                store16(out2, b0, b1, b2, b3, 0);
              }
              for (; ci < c; ci++) {
                const out = dw + ((<usize>(((i * kw + j) * c + ci) * co + cb)) << 2);
                let a0 = v128.load(out);
                let a1 = v128.load(out, 16);
                let a2 = v128.load(out, 32);
                let a3 = v128.load(out, 48);
                for (let r = ra; r < rb; r++) {
                  let dp = at(dy, img, r, oa, cb, oh, ow, co);
                  let xp = at(x, img, r * sh + i - top, oa * sw + j - left, ci, h, w, c);
                  for (let o = oa; o < ob; o++) {
                    const x0 = v128.load32_splat(xp);
                    a0 = madd(x0, v128.load(dp), a0);
                    a1 = madd(x0, v128.load(dp, 16), a1);
                    a2 = madd(x0, v128.load(dp, 32), a2);
                    a3 = madd(x0, v128.load(dp, 48), a3);
                    dp += dyStep;
                    xp += xStep;
                  }
                }
                store16(out, a0, a1, a2, a3, 0);
              }
              cb += 16;
            } else {
              for (; ci < c; ci++) {
                const out = dw + ((<usize>(((i * kw + j) * c + ci) * co + cb)) << 2);
                let a0 = v128.load(out);
                for (let r = ra; r < rb; r++) {
                  let dp = at(dy, img, r, oa, cb, oh, ow, co);
                  let xp = at(x, img, r * sh + i - top, oa * sw + j - left, ci, h, w, c);
                  for (let o = oa; o < ob; o++) {
                    a0 = madd(v128.load32_splat(xp), v128.load(dp), a0);
                    dp += dyStep;
                    xp += xStep;
                  }
                }
                v128.store(out, a0);
              }
              cb += 4;
            }
          }
        }
      }
    }
  }
}

/**
 * Adds the float32 partial sums of four channels in `s` to the float64 running sums at `acc`
 * (two lanes per vector), which hold the channels [g, g + 4) of a float64 array.
 */
function addToF64(acc: usize, s: v128): void {
  v128.store(acc, f64x2.add(v128.load(acc), f64x2.promote_low_f32x4(s)));
  v128.store(
    acc,
    f64x2.add(
      v128.load(acc, 16),
      f64x2.promote_low_f32x4(
        v128.swizzle(s, i8x16(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)),
      ),
    ),
    16,
  );
}

/** The `activation` argument of biasActivationGrad and denseForward. */
const LINEAR: i32 = 0;
const RELU: i32 = 1;
const TANH: i32 = 2;

/** Four lanes of dy at `dyAt` times the activation's derivative, from its output y at `yAt`. */
function activationGrad(dyAt: usize, yAt: usize, activation: i32): v128 {
  const v = v128.load(dyAt);
  if (activation == RELU) {
    // dy * (y > 0 ? 1 : 0) rather than a bit mask, so NaN in dy stays NaN as in tfjs's mul(dy, step(y))
    return f32x4.mul(v, v128.and(f32x4.gt(v128.load(yAt), f32x4.splat(0)), f32x4.splat(1)));
  }
  if (activation == TANH) {
    const t = v128.load(yAt);
    return f32x4.mul(v, f32x4.sub(f32x4.splat(1), f32x4.mul(t, t)));
  }
  return v;
}

/**
 * dyAct = dy times the activation's derivative, from its output y: dy where y > 0 (relu),
 * dy * (1 - y * y) (tanh), or dy (linear); and bias[ch] = dyAct summed over every pixel
 * (`pixels` rows of `channels`, a multiple of 4). The sums are kept in float64 at `scratch`
 * (channels * 8 bytes) between blocks of float32 partial sums.
 */
export function biasActivationGrad(
  dy: usize,
  y: usize,
  dyAct: usize,
  bias: usize,
  scratch: usize,
  pixels: i32,
  channels: i32,
  activation: i32,
): void {
  const rowBytes = (<usize>channels) << 2;
  memory.fill(scratch, 0, (<usize>channels) << 3);
  const zeroV = f32x4.splat(0);
  for (let p0 = 0; p0 < pixels; p0 += BLOCK_PIXELS) {
    const p1 = min(pixels, p0 + BLOCK_PIXELS);
    for (let g = 0; g < channels; g += 4) {
      const lane = (<usize>g) << 2;
      // two partial sums, even and odd pixels, so each add need not wait for the one before
      let s0 = zeroV;
      let s1 = zeroV;
      let at = <usize>p0 * rowBytes + lane;
      let p = p0;
      for (; p + 1 < p1; p += 2) {
        const v0 = activationGrad(dy + at, y + at, activation);
        const v1 = activationGrad(dy + at + rowBytes, y + at + rowBytes, activation);
        v128.store(dyAct + at, v0);
        v128.store(dyAct + at + rowBytes, v1);
        s0 = f32x4.add(s0, v0);
        s1 = f32x4.add(s1, v1);
        at += rowBytes << 1;
      }
      if (p < p1) {
        const v0 = activationGrad(dy + at, y + at, activation);
        v128.store(dyAct + at, v0);
        s0 = f32x4.add(s0, v0);
      }
      addToF64(scratch + (lane << 1), f32x4.add(s0, s1));
    }
  }
  for (let ch = 0; ch < channels; ch++) {
    store<f32>(bias + ((<usize>ch) << 2), <f32>load<f64>(scratch + ((<usize>ch) << 3)));
  }
}

/** 4-channel slice [cb, cb + 4) of one output pixel, over every tap inside the image. */
function convPixel4(
  x: usize,
  w: usize,
  img: i32,
  r: i32,
  o: i32,
  cb: i32,
  h: i32,
  wd: i32,
  c: i32,
  co: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  top: i32,
  left: i32,
  start: v128,
): v128 {
  let a = start;
  const wStep = (<usize>co) << 2;
  for (let i = 0; i < kh; i++) {
    const ih = r * sh + i - top;
    if (ih < 0 || ih >= h) continue;
    const ja = max(0, left - o * sw);
    const jb = min(kw, wd + left - o * sw);
    if (ja >= jb) continue;
    let xp = at(x, img, ih, o * sw + ja - left, 0, h, wd, c);
    let wp = w + ((<usize>((i * kw + ja) * c * co + cb)) << 2);
    for (let t = (jb - ja) * c; t > 0; t--) {
      a = madd(v128.load32_splat(xp), v128.load(wp), a);
      xp += 4;
      wp += wStep;
    }
  }
  return a;
}

/**
 * y[n, oh, ow, co] = act(bias[co] + sum over kh, kw, ci of x[n, oh*sh + kh - top, ow*sw + kw - left,
 * ci] * w[kh, kw, ci, co]), taps in the padding counting as zero; act = relu when `relu` is 1.
 * `bias` 0 means none. `co` must be a multiple of 4.
 */
export function conv2d(
  x: usize,
  w: usize,
  bias: usize,
  y: usize,
  relu: i32,
  n: i32,
  h: i32,
  wd: i32,
  c: i32,
  oh: i32,
  ow: i32,
  co: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  top: i32,
  left: i32,
): void {
  const zeroV = f32x4.splat(0);
  const wStep = (<usize>co) << 2;
  const pairStep = (<usize>(sw * c)) << 2;
  // Output columns whose every tap lies inside the image: oLo <= o < oHi.
  const oLo = min(ow, max(0, ceilDiv(left, sw)));
  const oHi = max(oLo, min(ow, floorDiv(wd - kw + left, sw) + 1));
  const taps = kw * c;
  for (let img = 0; img < n; img++) {
    for (let r = 0; r < oh; r++) {
      const ia = max(0, top - r * sh);
      const ib = min(kh, h + top - r * sh);
      const yRow = at(y, img, r, 0, 0, oh, ow, co);
      for (let cb = 0; cb < co;) {
        if (co - cb >= 16) {
          const b0 = bias ? v128.load(bias + ((<usize>cb) << 2)) : zeroV;
          const b1 = bias ? v128.load(bias + ((<usize>cb) << 2), 16) : zeroV;
          const b2 = bias ? v128.load(bias + ((<usize>cb) << 2), 32) : zeroV;
          const b3 = bias ? v128.load(bias + ((<usize>cb) << 2), 48) : zeroV;
          let o = 0;
          while (o < ow) {
            if (o >= oLo && o + 1 < oHi) {
              // Two neighbouring pixels, all taps inside: 8 accumulators.
              let p0 = b0;
              let p1 = b1;
              let p2 = b2;
              let p3 = b3;
              let q0 = b0;
              let q1 = b1;
              let q2 = b2;
              let q3 = b3;
              for (let i = ia; i < ib; i++) {
                let xp = at(x, img, r * sh + i - top, o * sw - left, 0, h, wd, c);
                let wp = w + ((<usize>(i * taps * co + cb)) << 2);
                for (let t = taps; t > 0; t--) {
                  const w0 = v128.load(wp);
                  const w1 = v128.load(wp, 16);
                  const w2 = v128.load(wp, 32);
                  const w3 = v128.load(wp, 48);
                  const s0 = v128.load32_splat(xp);
                  const s1 = v128.load32_splat(xp + pairStep);
                  p0 = madd(s0, w0, p0);
                  p1 = madd(s0, w1, p1);
                  p2 = madd(s0, w2, p2);
                  p3 = madd(s0, w3, p3);
                  q0 = madd(s1, w0, q0);
                  q1 = madd(s1, w1, q1);
                  q2 = madd(s1, w2, q2);
                  q3 = madd(s1, w3, q3);
                  xp += 4;
                  wp += wStep;
                }
              }
              const out = yRow + ((<usize>(o * co + cb)) << 2);
              store16(out, p0, p1, p2, p3, relu);
              store16(out + wStep, q0, q1, q2, q3, relu);
              o += 2;
            } else {
              // A pixel whose taps reach into the padding: 16 channels, its own tap ranges.
              let a0 = b0;
              let a1 = b1;
              let a2 = b2;
              let a3 = b3;
              const ja = max(0, left - o * sw);
              const jb = min(kw, wd + left - o * sw);
              for (let i = ia; i < ib && ja < jb; i++) {
                let xp = at(x, img, r * sh + i - top, o * sw + ja - left, 0, h, wd, c);
                let wp = w + ((<usize>((i * kw + ja) * c * co + cb)) << 2);
                for (let t = (jb - ja) * c; t > 0; t--) {
                  const s0 = v128.load32_splat(xp);
                  a0 = madd(s0, v128.load(wp), a0);
                  a1 = madd(s0, v128.load(wp, 16), a1);
                  a2 = madd(s0, v128.load(wp, 32), a2);
                  a3 = madd(s0, v128.load(wp, 48), a3);
                  xp += 4;
                  wp += wStep;
                }
              }
              store16(yRow + ((<usize>(o * co + cb)) << 2), a0, a1, a2, a3, relu);
              o += 1;
            }
          }
          cb += 16;
        } else {
          const start = bias ? v128.load(bias + ((<usize>cb) << 2)) : zeroV;
          for (let o = 0; o < ow; o++) {
            let a = convPixel4(x, w, img, r, o, cb, h, wd, c, co, kh, kw, sh, sw, top, left, start);
            if (relu) a = f32x4.max(a, zeroV);
            v128.store(yRow + ((<usize>(o * co + cb)) << 2), a);
          }
          cb += 4;
        }
      }
    }
  }
}

/**
 * dx = gradient of a 2x2, stride 2, unpadded max pooling of x given dy, as the JavaScript
 * maxPoolGrad2x2 (../../kernels/pool-grads.ts): the first maximum in row-major window order gets
 * dy, NaN never wins, a window of NaN alone passes nothing on. `c` must be a multiple of 4.
 */
export function maxPoolGrad2x2(
  dy: usize,
  x: usize,
  dx: usize,
  n: i32,
  h: i32,
  w: i32,
  c: i32,
  oh: i32,
  ow: i32,
): void {
  if (h != 2 * oh || w != 2 * ow) zero(dx, n * h * w * c);
  const negInf = f32x4.splat(-Infinity);
  const pixel = (<usize>c) << 2;
  const row = (<usize>(w * c)) << 2;
  let d = dy;
  for (let img = 0; img < n; img++) {
    for (let r = 0; r < oh; r++) {
      for (let o = 0; o < ow; o++) {
        const base = at(0, img, 2 * r, 2 * o, 0, h, w, c);
        for (let g: usize = 0; g < pixel; g += 16) {
          const p0 = base + g;
          const p1 = p0 + pixel;
          const p2 = p0 + row;
          const p3 = p2 + pixel;
          const x0 = v128.load(x + p0);
          const x1 = v128.load(x + p1);
          const x2 = v128.load(x + p2);
          const x3 = v128.load(x + p3);
          const real0 = f32x4.eq(x0, x0);
          let best = v128.bitselect(x0, negInf, real0);
          const w1 = f32x4.gt(x1, best);
          best = v128.bitselect(x1, best, w1);
          const w2 = f32x4.gt(x2, best);
          best = v128.bitselect(x2, best, w2);
          const w3 = f32x4.gt(x3, best);
          const g0 = v128.load(d + g);
          const later = v128.or(w2, w3);
          v128.store(dx + p0, v128.and(g0, v128.andnot(real0, v128.or(w1, later))));
          v128.store(dx + p1, v128.and(g0, v128.andnot(w1, later)));
          v128.store(dx + p2, v128.and(g0, v128.andnot(w2, w3)));
          v128.store(dx + p3, v128.and(g0, w3));
        }
        d += pixel;
      }
    }
  }
}

/**
 * sums[ch] (float64, overwritten) = sum over the `pixels` rows of x[p, ch] - center[ch]
 * (squared when `square` is 1); `center` 0 means none. Float32 partial sums over blocks of
 * BLOCK_PIXELS rows, then float64. `channels` must be a multiple of 4.
 */
export function channelSums(
  x: usize,
  center: usize,
  sums: usize,
  pixels: i32,
  channels: i32,
  square: i32,
): void {
  const rowBytes = (<usize>channels) << 2;
  memory.fill(sums, 0, (<usize>channels) << 3);
  const zeroV = f32x4.splat(0);
  for (let p0 = 0; p0 < pixels; p0 += BLOCK_PIXELS) {
    const p1 = min(pixels, p0 + BLOCK_PIXELS);
    for (let g = 0; g < channels; g += 4) {
      const lane = (<usize>g) << 2;
      const c = center ? v128.load(center + lane) : zeroV;
      let s = zeroV;
      let at = <usize>p0 * rowBytes + lane;
      for (let p = p0; p < p1; p++) {
        const d = f32x4.sub(v128.load(x + at), c);
        s = f32x4.add(s, square ? f32x4.mul(d, d) : d);
        at += rowBytes;
      }
      addToF64(sums + (lane << 1), s);
    }
  }
}

/**
 * The two sums of the batch normalisation gradient, per channel (float64, overwritten):
 * sums[ch] = sum of dy[p, ch] and sums[channels + ch] = sum of dy[p, ch] * (x[p, ch] - mean[ch])
 * * invStd[ch], over the `pixels` rows. `channels` must be a multiple of 4.
 */
export function batchNormGradSums(
  dy: usize,
  x: usize,
  mean: usize,
  invStd: usize,
  sums: usize,
  pixels: i32,
  channels: i32,
): void {
  const rowBytes = (<usize>channels) << 2;
  memory.fill(sums, 0, (<usize>channels) << 4);
  const zeroV = f32x4.splat(0);
  const second = (<usize>channels) << 3;
  for (let p0 = 0; p0 < pixels; p0 += BLOCK_PIXELS) {
    const p1 = min(pixels, p0 + BLOCK_PIXELS);
    for (let g = 0; g < channels; g += 4) {
      const lane = (<usize>g) << 2;
      const m = v128.load(mean + lane);
      const r = v128.load(invStd + lane);
      let s = zeroV;
      let t = zeroV;
      let at = <usize>p0 * rowBytes + lane;
      for (let p = p0; p < p1; p++) {
        const d = v128.load(dy + at);
        s = f32x4.add(s, d);
        t = madd(d, f32x4.mul(f32x4.sub(v128.load(x + at), m), r), t);
        at += rowBytes;
      }
      addToF64(sums + (lane << 1), s);
      addToF64(sums + second + (lane << 1), t);
    }
  }
}

/**
 * out[p, ch] = a[ch] * u[p, ch] + b[ch] * v[p, ch] + k[ch] over the `pixels` rows; `v` 0 means
 * none (then `b` is not read). The normalisation (a = scale, k = shift) and the input gradient of
 * batch normalisation (u = dy, v = x). With `reluOfV` 1, out is also multiplied by v > 0 (1 or 0,
 * so NaN stays NaN): the relu's gradient of the layer whose output v is, done in the same pass.
 * `channels` must be a multiple of 4. Row by row, so the tensors stream through the cache once
 * (the coefficients stay in L1).
 */
export function channelAffine(
  u: usize,
  v: usize,
  a: usize,
  b: usize,
  k: usize,
  out: usize,
  pixels: i32,
  channels: i32,
  reluOfV: i32,
): void {
  const rowBytes = (<usize>channels) << 2;
  const end = <usize>pixels * rowBytes;
  const zeroV = f32x4.splat(0);
  const oneV = f32x4.splat(1);
  if (v) {
    for (let row: usize = 0; row < end; row += rowBytes) {
      for (let lane: usize = 0; lane < rowBytes; lane += 16) {
        const at = row + lane;
        const x = v128.load(v + at);
        let y = f32x4.add(
          f32x4.add(
            f32x4.mul(v128.load(a + lane), v128.load(u + at)),
            f32x4.mul(v128.load(b + lane), x),
          ),
          v128.load(k + lane),
        );
        if (reluOfV) y = f32x4.mul(y, v128.and(f32x4.gt(x, zeroV), oneV));
        v128.store(out + at, y);
      }
    }
  } else {
    for (let row: usize = 0; row < end; row += rowBytes) {
      for (let lane: usize = 0; lane < rowBytes; lane += 16) {
        const at = row + lane;
        const y = f32x4.mul(v128.load(a + lane), v128.load(u + at));
        v128.store(out + at, f32x4.add(y, v128.load(k + lane)));
      }
    }
  }
}

/**
 * The weight gradient of a dense layer: dw[i, o] = sum over r of x[r, i] * dy[r, o], with x
 * `rows` x `inputs` and dy `rows` x `outputs`, both row-major. Vectorised over the inputs (a
 * multiple of 4) in blocks of 16 whose rows of x stay in the L1 cache while every pair of outputs
 * walks them; written to dw ([inputs, outputs]) lane by lane, so any number of outputs works.
 */
export function denseWeightGrad(
  x: usize,
  dy: usize,
  dw: usize,
  rows: i32,
  inputs: i32,
  outputs: i32,
): void {
  const xRow = (<usize>inputs) << 2;
  const dyRow = (<usize>outputs) << 2;
  for (let ib = 0; ib < inputs;) {
    const wide = inputs - ib >= 16;
    for (let o = 0; o < outputs; o += 2) {
      const pair = o + 1 < outputs;
      const zeroV = f32x4.splat(0);
      let a0 = zeroV;
      let a1 = zeroV;
      let a2 = zeroV;
      let a3 = zeroV;
      let b0 = zeroV;
      let b1 = zeroV;
      let b2 = zeroV;
      let b3 = zeroV;
      let xp = x + ((<usize>ib) << 2);
      let dp = dy + ((<usize>o) << 2);
      for (let r = 0; r < rows; r++) {
        const d0 = v128.load32_splat(dp);
        const d1 = pair ? v128.load32_splat(dp, 4) : zeroV;
        const x0 = v128.load(xp);
        a0 = madd(x0, d0, a0);
        b0 = madd(x0, d1, b0);
        if (wide) {
          const x1 = v128.load(xp, 16);
          const x2 = v128.load(xp, 32);
          const x3 = v128.load(xp, 48);
          a1 = madd(x1, d0, a1);
          a2 = madd(x2, d0, a2);
          a3 = madd(x3, d0, a3);
          b1 = madd(x1, d1, b1);
          b2 = madd(x2, d1, b2);
          b3 = madd(x3, d1, b3);
        }
        xp += xRow;
        dp += dyRow;
      }
      const out = dw + ((<usize>(ib * outputs + o)) << 2);
      storeColumn(out, dyRow, a0, b0, pair);
      if (wide) {
        storeColumn(out + 4 * dyRow, dyRow, a1, b1, pair);
        storeColumn(out + 8 * dyRow, dyRow, a2, b2, pair);
        storeColumn(out + 12 * dyRow, dyRow, a3, b3, pair);
      }
    }
    ib += wide ? 16 : 4;
  }
}

/** Stores the lanes of `a` (and of `b`, one float further, when `pair`) down a column. */
function storeColumn(out: usize, step: usize, a: v128, b: v128, pair: bool): void {
  store<f32>(out, f32x4.extract_lane(a, 0));
  store<f32>(out + step, f32x4.extract_lane(a, 1));
  store<f32>(out + 2 * step, f32x4.extract_lane(a, 2));
  store<f32>(out + 3 * step, f32x4.extract_lane(a, 3));
  if (pair) {
    store<f32>(out, f32x4.extract_lane(b, 0), 4);
    store<f32>(out + step, f32x4.extract_lane(b, 1), 4);
    store<f32>(out + 2 * step, f32x4.extract_lane(b, 2), 4);
    store<f32>(out + 3 * step, f32x4.extract_lane(b, 3), 4);
  }
}

/**
 * The input gradient of a dense layer: dx[r, i] = sum over o of dy[r, o] * w[i, o], with dy
 * `rows` x `outputs` and w `inputs` x `outputs`. Vectorised over the inputs (a multiple of 4) in
 * blocks of 16: the block's columns of w are first copied into `scratch` (outputs * 16 floats)
 * as rows, then every pair of rows of dy runs over them.
 */
export function denseInputGrad(
  dy: usize,
  w: usize,
  dx: usize,
  scratch: usize,
  rows: i32,
  inputs: i32,
  outputs: i32,
): void {
  const dxRow = (<usize>inputs) << 2;
  const dyRow = (<usize>outputs) << 2;
  for (let ib = 0; ib < inputs;) {
    const width = min(16, inputs - ib);
    // scratch[o, k] = w[ib + k, o]
    for (let k = 0; k < width; k++) {
      const from = w + ((<usize>((ib + k) * outputs)) << 2);
      for (let o = 0; o < outputs; o++) {
        store<f32>(scratch + ((<usize>(o * 16 + k)) << 2), load<f32>(from + ((<usize>o) << 2)));
      }
    }
    const wide = width == 16;
    for (let r = 0; r < rows; r += 2) {
      const pair = r + 1 < rows;
      const zeroV = f32x4.splat(0);
      let a0 = zeroV;
      let a1 = zeroV;
      let a2 = zeroV;
      let a3 = zeroV;
      let b0 = zeroV;
      let b1 = zeroV;
      let b2 = zeroV;
      let b3 = zeroV;
      const dp = dy + <usize>r * dyRow;
      for (let o = 0; o < outputs; o++) {
        const sp = scratch + ((<usize>(o * 16)) << 2);
        const d0 = v128.load32_splat(dp + ((<usize>o) << 2));
        const d1 = pair ? v128.load32_splat(dp + dyRow + ((<usize>o) << 2)) : zeroV;
        const w0 = v128.load(sp);
        a0 = madd(w0, d0, a0);
        b0 = madd(w0, d1, b0);
        if (wide) {
          const w1 = v128.load(sp, 16);
          const w2 = v128.load(sp, 32);
          const w3 = v128.load(sp, 48);
          a1 = madd(w1, d0, a1);
          a2 = madd(w2, d0, a2);
          a3 = madd(w3, d0, a3);
          b1 = madd(w1, d1, b1);
          b2 = madd(w2, d1, b2);
          b3 = madd(w3, d1, b3);
        }
      }
      const out = dx + <usize>r * dxRow + ((<usize>ib) << 2);
      if (wide) {
        store16(out, a0, a1, a2, a3, 0);
        if (pair) store16(out + dxRow, b0, b1, b2, b3, 0);
      } else {
        v128.store(out, a0);
        if (pair) v128.store(out + dxRow, b0);
      }
    }
    ib += wide ? 16 : 4;
  }
}

/**
 * One Adam step over `n` values, float32 operation for operation as Keras 2.1.4 computes it
 * (core/model/keras-optimizers): m' = m b1 + g (1 - b1); v' = v b2 + g g (1 - b2);
 * w' = w - m' lrT / (sqrt(v') + eps), lrT the step's bias-corrected rate. Writes w', m', v' to
 * their own outputs (new tensors: the inputs stay as they are).
 */
export function adamUpdate(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  wOut: usize,
  mOut: usize,
  vOut: usize,
  n: i32,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  lrT: f32,
  epsilon: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const c1 = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2 = f32x4.splat(oneMinusBeta2);
  const lr = f32x4.splat(lrT);
  const e = f32x4.splat(epsilon);
  const vectors = n & ~3;
  for (let i = 0; i < vectors; i += 4) {
    const at = (<usize>i) << 2;
    const gi = v128.load(g + at);
    const mi = f32x4.add(f32x4.mul(v128.load(m + at), b1), f32x4.mul(gi, c1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + at), b2), f32x4.mul(f32x4.mul(gi, gi), c2));
    const step = f32x4.div(f32x4.mul(mi, lr), f32x4.add(f32x4.sqrt(vi), e));
    v128.store(mOut + at, mi);
    v128.store(vOut + at, vi);
    v128.store(wOut + at, f32x4.sub(v128.load(w + at), step));
  }
  for (let i = vectors; i < n; i++) {
    const at = (<usize>i) << 2;
    const gi = load<f32>(g + at);
    const mi = load<f32>(m + at) * beta1 + gi * oneMinusBeta1;
    const vi = load<f32>(v + at) * beta2 + gi * gi * oneMinusBeta2;
    store<f32>(mOut + at, mi);
    store<f32>(vOut + at, vi);
    store<f32>(wOut + at, load<f32>(w + at) - (mi * lrT) / (Mathf.sqrt(vi) + epsilon));
  }
}

/** out[i] = a[i] + b[i] for `n` floats (out may be a or b). */
export function addArrays(a: usize, b: usize, out: usize, n: i32): void {
  const vectors = n & ~3;
  for (let i = 0; i < vectors; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(out + at, f32x4.add(v128.load(a + at), v128.load(b + at)));
  }
  for (let i = vectors; i < n; i++) {
    const at = (<usize>i) << 2;
    store<f32>(out + at, load<f32>(a + at) + load<f32>(b + at));
  }
}

// Winograd F(2x2, 3x3): a 3x3, stride-1 convolution computed per 2x2 output tile from its 4x4 input
// tile as Y = A^T [sum over ci of (G g G^T) (.) (B^T d B)] A: 16 multiplications per input and
// output channel and tile instead of the direct method's 36. Vectorised over channels: the input
// transform over input channels (a multiple of 4), the products and the output transform over
// output channels (a multiple of 16). The 16 positions p of a 4x4 tile are numbered row-major.
//   G = [1 0 0; 1/2 1/2 1/2; 1/2 -1/2 1/2; 0 0 1]
//   B^T = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]
//   A^T = [1 1 1 0; 0 1 -1 -1]

/** (G t)'s four values from a column t0, t1, t2 of three. */
function gRows(t0: v128, t1: v128, t2: v128, half: v128, k: i32): v128 {
  if (k == 0) return t0;
  if (k == 1) return f32x4.mul(f32x4.add(f32x4.add(t0, t1), t2), half);
  if (k == 2) return f32x4.mul(f32x4.add(f32x4.sub(t0, t1), t2), half);
  return t2;
}

/**
 * u[p, ci, co] (overwritten) = (G g G^T)[p] for every input and output channel of the 3x3 filter
 * w ([3, 3, c, co], `co` a multiple of 4).
 */
export function winogradFilter(w: usize, u: usize, c: i32, co: i32): void {
  const half = f32x4.splat(0.5);
  const tap = (<usize>(c * co)) << 2; // bytes between the filter's taps, and between u's planes
  for (let ci = 0; ci < c; ci++) {
    for (let cb = 0; cb < co; cb += 4) {
      const at = (<usize>(ci * co + cb)) << 2;
      const g00 = v128.load(w + at);
      const g01 = v128.load(w + at + tap);
      const g02 = v128.load(w + at + 2 * tap);
      const g10 = v128.load(w + at + 3 * tap);
      const g11 = v128.load(w + at + 4 * tap);
      const g12 = v128.load(w + at + 5 * tap);
      const g20 = v128.load(w + at + 6 * tap);
      const g21 = v128.load(w + at + 7 * tap);
      const g22 = v128.load(w + at + 8 * tap);
      for (let k = 0; k < 4; k++) {
        // row k of G g, then (G g G^T)[k, l] = row k times G^T
        const a = gRows(g00, g10, g20, half, k);
        const b = gRows(g01, g11, g21, half, k);
        const d = gRows(g02, g12, g22, half, k);
        for (let l = 0; l < 4; l++) {
          v128.store(u + at + <usize>(k * 4 + l) * tap, gRows(a, b, d, half, l));
        }
      }
    }
  }
}

/** [a0 - a2, a1 + a2, a2 - a1, a1 - a3]: B^T applied to four values. */
function bStore(out: usize, step: usize, a0: v128, a1: v128, a2: v128, a3: v128): void {
  v128.store(out, f32x4.sub(a0, a2));
  v128.store(out + step, f32x4.add(a1, a2));
  v128.store(out + 2 * step, f32x4.sub(a2, a1));
  v128.store(out + 3 * step, f32x4.sub(a1, a3));
}

/** Rows k of B^T d, each times B, stored at `out` + (4k + l) vStep: v = B^T d B for one tile. */
function winogradTile(
  out: usize,
  vStep: usize,
  d00: v128,
  d01: v128,
  d02: v128,
  d03: v128,
  d10: v128,
  d11: v128,
  d12: v128,
  d13: v128,
  d20: v128,
  d21: v128,
  d22: v128,
  d23: v128,
  d30: v128,
  d31: v128,
  d32: v128,
  d33: v128,
): void {
  // the rows of B^T d: d0 - d2, d1 + d2, d2 - d1, d1 - d3
  bStore(
    out,
    vStep,
    f32x4.sub(d00, d20),
    f32x4.sub(d01, d21),
    f32x4.sub(d02, d22),
    f32x4.sub(d03, d23),
  );
  bStore(
    out + 4 * vStep,
    vStep,
    f32x4.add(d10, d20),
    f32x4.add(d11, d21),
    f32x4.add(d12, d22),
    f32x4.add(d13, d23),
  );
  bStore(
    out + 8 * vStep,
    vStep,
    f32x4.sub(d20, d10),
    f32x4.sub(d21, d11),
    f32x4.sub(d22, d12),
    f32x4.sub(d23, d13),
  );
  bStore(
    out + 12 * vStep,
    vStep,
    f32x4.sub(d10, d30),
    f32x4.sub(d11, d31),
    f32x4.sub(d12, d32),
    f32x4.sub(d13, d33),
  );
}

/** Four channels of pixel (r, col) of image `img` of x at `lane` bytes, zero outside the image. */
function pixelOrZero(
  x: usize,
  img: i32,
  r: i32,
  col: i32,
  lane: usize,
  h: i32,
  wd: i32,
  c: i32,
): v128 {
  if (r < 0 || r >= h || col < 0 || col >= wd) return zero4;
  return v128.load(at(x, img, r, col, 0, h, wd, c) + lane);
}

/**
 * v[p, ci] (overwritten) = (B^T d B)[p] for the 4x4 input tile whose top-left pixel is (row, col)
 * of image `img` of x (NHWC, `c` channels, a multiple of 4); pixels outside the image count as
 * zero. `vStep`: bytes between v[p] and v[p + 1]. The tile's values go straight from x into the
 * transform, with no intermediate stores.
 */
function winogradInput(
  x: usize,
  v: usize,
  vStep: usize,
  img: i32,
  row: i32,
  col: i32,
  h: i32,
  wd: i32,
  c: i32,
): void {
  const plane = (<usize>c) << 2;
  if (row >= 0 && col >= 0 && row + 4 <= h && col + 4 <= wd) {
    // inside the image (nearly every tile of a forward pass)
    const rowBytes = <usize>wd * plane;
    const r0 = at(x, img, row, col, 0, h, wd, c);
    const r1 = r0 + rowBytes;
    const r2 = r1 + rowBytes;
    const r3 = r2 + rowBytes;
    for (let cb = 0; cb < c; cb += 4) {
      const lane = (<usize>cb) << 2;
      winogradTile(
        v + lane,
        vStep,
        v128.load(r0 + lane),
        v128.load(r0 + lane + plane),
        v128.load(r0 + lane + 2 * plane),
        v128.load(r0 + lane + 3 * plane),
        v128.load(r1 + lane),
        v128.load(r1 + lane + plane),
        v128.load(r1 + lane + 2 * plane),
        v128.load(r1 + lane + 3 * plane),
        v128.load(r2 + lane),
        v128.load(r2 + lane + plane),
        v128.load(r2 + lane + 2 * plane),
        v128.load(r2 + lane + 3 * plane),
        v128.load(r3 + lane),
        v128.load(r3 + lane + plane),
        v128.load(r3 + lane + 2 * plane),
        v128.load(r3 + lane + 3 * plane),
      );
    }
    return;
  }
  for (let cb = 0; cb < c; cb += 4) {
    const lane = (<usize>cb) << 2;
    winogradTile(
      v + lane,
      vStep,
      pixelOrZero(x, img, row, col, lane, h, wd, c),
      pixelOrZero(x, img, row, col + 1, lane, h, wd, c),
      pixelOrZero(x, img, row, col + 2, lane, h, wd, c),
      pixelOrZero(x, img, row, col + 3, lane, h, wd, c),
      pixelOrZero(x, img, row + 1, col, lane, h, wd, c),
      pixelOrZero(x, img, row + 1, col + 1, lane, h, wd, c),
      pixelOrZero(x, img, row + 1, col + 2, lane, h, wd, c),
      pixelOrZero(x, img, row + 1, col + 3, lane, h, wd, c),
      pixelOrZero(x, img, row + 2, col, lane, h, wd, c),
      pixelOrZero(x, img, row + 2, col + 1, lane, h, wd, c),
      pixelOrZero(x, img, row + 2, col + 2, lane, h, wd, c),
      pixelOrZero(x, img, row + 2, col + 3, lane, h, wd, c),
      pixelOrZero(x, img, row + 3, col, lane, h, wd, c),
      pixelOrZero(x, img, row + 3, col + 1, lane, h, wd, c),
      pixelOrZero(x, img, row + 3, col + 2, lane, h, wd, c),
      pixelOrZero(x, img, row + 3, col + 3, lane, h, wd, c),
    );
  }
}

const zero4: v128 = f32x4.splat(0);

/**
 * The 2x2 output tile at (row, col) of image `img` of y from m[p, co] (A^T m A), plus the bias
 * (0 = none), through a relu when `relu` is 1; pixels outside y are not written.
 */
function winogradOutput(
  m: usize,
  bias: usize,
  y: usize,
  relu: i32,
  img: i32,
  row: i32,
  col: i32,
  oh: i32,
  ow: i32,
  co: i32,
): void {
  const plane = (<usize>co) << 2;
  for (let cb = 0; cb < co; cb += 4) {
    const lane = (<usize>cb) << 2;
    const p = m + lane;
    // T = A^T m: two rows of four
    let t00 = zero4;
    let t01 = zero4;
    let t02 = zero4;
    let t03 = zero4;
    let t10 = zero4;
    let t11 = zero4;
    let t12 = zero4;
    let t13 = zero4;
    for (let j = 0; j < 4; j++) {
      const m0 = v128.load(p + <usize>j * plane);
      const m1 = v128.load(p + <usize>(4 + j) * plane);
      const m2 = v128.load(p + <usize>(8 + j) * plane);
      const m3 = v128.load(p + <usize>(12 + j) * plane);
      const top = f32x4.add(f32x4.add(m0, m1), m2);
      const bottom = f32x4.sub(f32x4.sub(m1, m2), m3);
      if (j == 0) {
        t00 = top;
        t10 = bottom;
      } else if (j == 1) {
        t01 = top;
        t11 = bottom;
      } else if (j == 2) {
        t02 = top;
        t12 = bottom;
      } else {
        t03 = top;
        t13 = bottom;
      }
    }
    // Y = T A
    const b = bias ? v128.load(bias + lane) : zero4;
    let y00 = f32x4.add(f32x4.add(f32x4.add(t00, t01), t02), b);
    let y01 = f32x4.add(f32x4.sub(f32x4.sub(t01, t02), t03), b);
    let y10 = f32x4.add(f32x4.add(f32x4.add(t10, t11), t12), b);
    let y11 = f32x4.add(f32x4.sub(f32x4.sub(t11, t12), t13), b);
    if (relu) {
      y00 = f32x4.max(y00, zero4);
      y01 = f32x4.max(y01, zero4);
      y10 = f32x4.max(y10, zero4);
      y11 = f32x4.max(y11, zero4);
    }
    const right = col + 1 < ow;
    v128.store(at(y, img, row, col, cb, oh, ow, co), y00);
    if (right) v128.store(at(y, img, row, col + 1, cb, oh, ow, co), y01);
    if (row + 1 < oh) {
      v128.store(at(y, img, row + 1, col, cb, oh, ow, co), y10);
      if (right) v128.store(at(y, img, row + 1, col + 1, cb, oh, ow, co), y11);
    }
  }
}

/**
 * y = act(bias + the 3x3, stride-1 convolution of x with the filter whose winogradFilter is `u`),
 * as conv2d computes it (taps in the padding count as zero; `top`, `left` the padding), by
 * Winograd F(2x2, 3x3). `c` a multiple of 4, `co` of 16; `scratch`: 32 * (c + co) floats.
 */
export function winogradConv2d(
  x: usize,
  u: usize,
  bias: usize,
  y: usize,
  scratch: usize,
  relu: i32,
  n: i32,
  h: i32,
  wd: i32,
  c: i32,
  oh: i32,
  ow: i32,
  co: i32,
  top: i32,
  left: i32,
): void {
  const vPlane = (<usize>c) << 2;
  const uRow = (<usize>co) << 2; // bytes between u[p, ci] and u[p, ci + 1]
  const uPlane = <usize>c * uRow;
  const v0 = scratch; // two tiles' v: [2][16][c]
  const v1 = scratch + 16 * vPlane;
  const m0 = scratch + 32 * vPlane; // two tiles' m: [2][16][co]
  const m1 = m0 + 16 * uRow;
  const tilesY = (oh + 1) >> 1;
  const tilesX = (ow + 1) >> 1;
  for (let img = 0; img < n; img++) {
    for (let ty = 0; ty < tilesY; ty++) {
      for (let tx = 0; tx < tilesX; tx += 2) {
        const pair = tx + 1 < tilesX;
        winogradInput(x, v0, vPlane, img, 2 * ty - top, 2 * tx - left, h, wd, c);
        if (pair) winogradInput(x, v1, vPlane, img, 2 * ty - top, 2 * tx + 2 - left, h, wd, c);
        for (let cb = 0; cb < co; cb += 16) {
          const lane = (<usize>cb) << 2;
          for (let p = 0; p < 16; p++) {
            let a0 = zero4;
            let a1 = zero4;
            let a2 = zero4;
            let a3 = zero4;
            let b0 = zero4;
            let b1 = zero4;
            let b2 = zero4;
            let b3 = zero4;
            let up = u + <usize>p * uPlane + lane;
            let x0 = v0 + <usize>p * vPlane;
            let x1 = v1 + <usize>p * vPlane;
            for (let ci = 0; ci < c; ci++) {
              const w0 = v128.load(up);
              const w1 = v128.load(up, 16);
              const w2 = v128.load(up, 32);
              const w3 = v128.load(up, 48);
              const s0 = v128.load32_splat(x0);
              const s1 = v128.load32_splat(x1);
              a0 = madd(s0, w0, a0);
              a1 = madd(s0, w1, a1);
              a2 = madd(s0, w2, a2);
              a3 = madd(s0, w3, a3);
              b0 = madd(s1, w0, b0);
              b1 = madd(s1, w1, b1);
              b2 = madd(s1, w2, b2);
              b3 = madd(s1, w3, b3);
              up += uRow;
              x0 += 4;
              x1 += 4;
            }
            store16(m0 + <usize>p * uRow + lane, a0, a1, a2, a3, 0);
            store16(m1 + <usize>p * uRow + lane, b0, b1, b2, b3, 0);
          }
        }
        winogradOutput(m0, bias, y, relu, img, 2 * ty, 2 * tx, oh, ow, co);
        if (pair) winogradOutput(m1, bias, y, relu, img, 2 * ty, 2 * tx + 2, oh, ow, co);
      }
    }
  }
}

// The filter gradient of a 3x3, stride-1 convolution by Winograd F(3x3, 2x2), the transpose of the
// forward F(2x2, 3x3): each 2x2 tile e of dy and the 4x4 tile d of x under it add
// G^T [(A e A^T) * (B^T d B)] G to the 3x3 gradient (A = (A^T)^T, the matrices above). The sum
// over tiles is taken in the transformed space, as 16 products of [c, tiles] by [tiles, co]
// (16 multiplications per tile, input and output channel instead of the direct sum's 36), and
// transformed back once at the end.

/** Tiles transformed per block: their values stay in the cache while the 16 products use them. */
const WINOGRAD_TILES: i32 = 64;

/**
 * e[p, co] (overwritten) = (A t A^T)[p] for the 2x2 tile t of dy whose top-left pixel is (row, col)
 * of image `img` (NHWC, `co` channels, a multiple of 4); pixels outside dy count as zero. `eStep`:
 * bytes between e[p] and e[p + 1].
 */
function winogradDyTile(
  dy: usize,
  e: usize,
  eStep: usize,
  img: i32,
  row: i32,
  col: i32,
  oh: i32,
  ow: i32,
  co: i32,
): void {
  const down = row + 1 < oh;
  const right = col + 1 < ow;
  for (let cb = 0; cb < co; cb += 4) {
    const lane = (<usize>cb) << 2;
    const d00 = v128.load(at(dy, img, row, col, cb, oh, ow, co));
    const d01 = right ? v128.load(at(dy, img, row, col + 1, cb, oh, ow, co)) : zero4;
    const d10 = down ? v128.load(at(dy, img, row + 1, col, cb, oh, ow, co)) : zero4;
    const d11 = down && right ? v128.load(at(dy, img, row + 1, col + 1, cb, oh, ow, co)) : zero4;
    // t A^T: each row (u, v) becomes (u, u + v, u - v, -v); then A on each column of that
    for (let l = 0; l < 4; l++) {
      let top = d00;
      let bottom = d10;
      if (l == 1) {
        top = f32x4.add(d00, d01);
        bottom = f32x4.add(d10, d11);
      } else if (l == 2) {
        top = f32x4.sub(d00, d01);
        bottom = f32x4.sub(d10, d11);
      } else if (l == 3) {
        top = f32x4.neg(d01);
        bottom = f32x4.neg(d11);
      }
      const p = e + <usize>l * eStep + lane;
      v128.store(p, top);
      v128.store(p + 4 * eStep, f32x4.add(top, bottom));
      v128.store(p + 8 * eStep, f32x4.sub(top, bottom));
      v128.store(p + 12 * eStep, f32x4.neg(bottom));
    }
  }
}

/** (G^T m)'s row k from a column m0..m3 of four: m0 + (m1 + m2) / 2, (m1 - m2) / 2, ... */
function gtRow(m0: v128, m1: v128, m2: v128, m3: v128, half: v128, k: i32): v128 {
  if (k == 0) return madd(f32x4.add(m1, m2), half, m0);
  if (k == 1) return f32x4.mul(f32x4.sub(m1, m2), half);
  return madd(f32x4.add(m1, m2), half, m3);
}

/**
 * dw[kh, kw, ci, co] (overwritten) = the filter gradient of the 3x3, stride-1 convolution of x
 * ([n, h, wd, c]) that gave dy ([n, oh, ow, co]) with padding `top`, `left`: what convFilterGrad
 * computes, by Winograd F(3x3, 2x2). `c` a multiple of 4, `co` of 16; `scratch`:
 * 16 * (c * co + WINOGRAD_TILES * (c + co) + 32) floats.
 */
export function winogradFilterGrad(
  x: usize,
  dy: usize,
  dw: usize,
  scratch: usize,
  n: i32,
  h: i32,
  wd: i32,
  c: i32,
  oh: i32,
  ow: i32,
  co: i32,
  top: i32,
  left: i32,
): void {
  const m = scratch; // [16][c][co], the sums in the transformed space
  const mPlane = (<usize>(c * co)) << 2;
  // [16][WINOGRAD_TILES][c] and [16][WINOGRAD_TILES][co], each plane 16 floats longer: planes a
  // multiple of 4 KiB apart would all fall into one set of the L1 cache.
  const xs = m + 16 * mPlane;
  const xPlane = (<usize>(WINOGRAD_TILES * c + 16)) << 2;
  const ds = xs + 16 * xPlane;
  const dPlane = (<usize>(WINOGRAD_TILES * co + 16)) << 2;
  const xRow = (<usize>c) << 2;
  const dRow = (<usize>co) << 2;
  memory.fill(m, 0, 16 * mPlane);
  const tilesY = (oh + 1) >> 1;
  const tilesX = (ow + 1) >> 1;
  const total = n * tilesY * tilesX;
  let img = 0;
  let ty = 0;
  let tx = 0;
  for (let t0 = 0; t0 < total; t0 += WINOGRAD_TILES) {
    const tiles = min(WINOGRAD_TILES, total - t0);
    for (let t = 0; t < tiles; t++) {
      const xOut = xs + <usize>t * xRow;
      winogradInput(x, xOut, xPlane, img, 2 * ty - top, 2 * tx - left, h, wd, c);
      winogradDyTile(dy, ds + <usize>t * dRow, dPlane, img, 2 * ty, 2 * tx, oh, ow, co);
      if (++tx == tilesX) {
        tx = 0;
        if (++ty == tilesY) {
          ty = 0;
          img++;
        }
      }
    }
    for (let p = 0; p < 16; p++) {
      for (let ci = 0; ci < c; ci += 2) {
        for (let cb = 0; cb < co; cb += 16) {
          const out = m + <usize>p * mPlane + ((<usize>(ci * co + cb)) << 2);
          const out2 = out + dRow;
          let a0 = v128.load(out);
          let a1 = v128.load(out, 16);
          let a2 = v128.load(out, 32);
          let a3 = v128.load(out, 48);
          let b0 = v128.load(out2);
          let b1 = v128.load(out2, 16);
          let b2 = v128.load(out2, 32);
          let b3 = v128.load(out2, 48);
          let xp = xs + <usize>p * xPlane + ((<usize>ci) << 2);
          let dp = ds + <usize>p * dPlane + ((<usize>cb) << 2);
          for (let t = 0; t < tiles; t++) {
            const d0 = v128.load(dp);
            const d1 = v128.load(dp, 16);
            const d2 = v128.load(dp, 32);
            const d3 = v128.load(dp, 48);
            const x0 = v128.load32_splat(xp);
            const x1 = v128.load32_splat(xp, 4);
            a0 = madd(x0, d0, a0);
            a1 = madd(x0, d1, a1);
            a2 = madd(x0, d2, a2);
            a3 = madd(x0, d3, a3);
            b0 = madd(x1, d0, b0);
            b1 = madd(x1, d1, b1);
            b2 = madd(x1, d2, b2);
            b3 = madd(x1, d3, b3);
            xp += xRow;
            dp += dRow;
          }
          store16(out, a0, a1, a2, a3, 0);
          store16(out2, b0, b1, b2, b3, 0);
        }
      }
    }
  }
  // dw = G^T m G for every input and output channel
  const half = f32x4.splat(0.5);
  for (let ci = 0; ci < c; ci++) {
    for (let cb = 0; cb < co; cb += 4) {
      const at = (<usize>(ci * co + cb)) << 2;
      const q = m + at;
      for (let k = 0; k < 3; k++) {
        // row k of G^T m, four values
        const r0 = gtRow(
          v128.load(q),
          v128.load(q + 4 * mPlane),
          v128.load(q + 8 * mPlane),
          v128.load(q + 12 * mPlane),
          half,
          k,
        );
        const r1 = gtRow(
          v128.load(q + mPlane),
          v128.load(q + 5 * mPlane),
          v128.load(q + 9 * mPlane),
          v128.load(q + 13 * mPlane),
          half,
          k,
        );
        const r2 = gtRow(
          v128.load(q + 2 * mPlane),
          v128.load(q + 6 * mPlane),
          v128.load(q + 10 * mPlane),
          v128.load(q + 14 * mPlane),
          half,
          k,
        );
        const r3 = gtRow(
          v128.load(q + 3 * mPlane),
          v128.load(q + 7 * mPlane),
          v128.load(q + 11 * mPlane),
          v128.load(q + 15 * mPlane),
          half,
          k,
        );
        for (let l = 0; l < 3; l++) {
          v128.store(dw + at + <usize>(k * 3 + l) * mPlane, gtRow(r0, r1, r2, r3, half, l));
        }
      }
    }
  }
}
