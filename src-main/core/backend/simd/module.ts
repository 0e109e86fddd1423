// Letter Lab's SIMD kernels (./assembly/kernels.ts), instantiated on a tfjs-backend-wasm backend's
// own memory so they read and write tensors in place. One instance per backend (each worker thread
// has its own backend and memory). When anything is missing (no SIMD, another tfjs build), the
// callers keep their previous implementation: `simdKernels` returns null.
//
// Two builds of the same source: with relaxed SIMD (fused multiply-adds, about a fifth faster
// training of the ConvNets) where the engine accepts it, else SIMD only. Electron's V8 and Node 22+
// have relaxed SIMD on; Node 20's V8 has it behind a flag, which is turned on for it here.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import { setFlagsFromString } from 'node:v8';
import { KERNELS_RELAXED_WASM_BASE64, KERNELS_WASM_BASE64 } from './kernels-wasm';
import { wasmApi } from './wasm-api';

/** A pooling's shape as the kernels take it after their pointers (see poolArgs). */
export type PoolShape = [n: number, h: number, w: number, c: number, oh: number, ow: number];

/** A convolution's shape as the kernels take it after their pointers (see convArgs). */
export type ConvShape = [
  ...PoolShape,
  co: number,
  kh: number,
  kw: number,
  sh: number,
  sw: number,
  top: number,
  left: number,
];

/** The module's exports; pointers are byte offsets into the backend's memory. */
export interface SimdKernels {
  convFilterGrad(x: number, dy: number, dw: number, ...shape: ConvShape): void;
  /** `bias` 0 = none; `relu` 1 = relu, 0 = linear. */
  conv2d(x: number, w: number, bias: number, y: number, relu: number, ...shape: ConvShape): void;
  maxPoolGrad2x2(dy: number, x: number, dx: number, ...shape: PoolShape): void;
  biasActivationGrad(
    dy: number,
    y: number,
    dyAct: number,
    bias: number,
    scratch: number,
    pixels: number,
    channels: number,
    /** 0 linear, 1 relu, 2 tanh */
    activation: number,
  ): void;
  /** `center` 0 = none; `square` 1 = sums of squares. Sums are float64. */
  channelSums(
    x: number,
    center: number,
    sums: number,
    pixels: number,
    channels: number,
    square: number,
  ): void;
  batchNormGradSums(
    dy: number,
    x: number,
    mean: number,
    invStd: number,
    sums: number,
    pixels: number,
    channels: number,
  ): void;
  denseWeightGrad(
    x: number,
    dy: number,
    dw: number,
    rows: number,
    inputs: number,
    outputs: number,
  ): void;
  denseInputGrad(
    dy: number,
    w: number,
    dx: number,
    scratch: number,
    rows: number,
    inputs: number,
    outputs: number,
  ): void;
  adamUpdate(
    w: number,
    g: number,
    m: number,
    v: number,
    wOut: number,
    mOut: number,
    vOut: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    lrT: number,
    epsilon: number,
  ): void;
  addArrays(a: number, b: number, out: number, n: number): void;
  winogradFilter(w: number, u: number, c: number, co: number): void;
  /** `scratch`: 16 * (c * co + WINOGRAD_FILTER_GRAD_TILES * (c + co) + 32) floats. */
  winogradFilterGrad(
    x: number,
    dy: number,
    dw: number,
    scratch: number,
    n: number,
    h: number,
    w: number,
    c: number,
    oh: number,
    ow: number,
    co: number,
    top: number,
    left: number,
  ): void;
  winogradConv2d(
    x: number,
    u: number,
    bias: number,
    y: number,
    scratch: number,
    relu: number,
    n: number,
    h: number,
    w: number,
    c: number,
    oh: number,
    ow: number,
    co: number,
    top: number,
    left: number,
  ): void;
  /** out = a u + b v + k per channel; `v` 0 = none; `reluOfV` 1: out times (v > 0). */
  channelAffine(
    u: number,
    v: number,
    a: number,
    b: number,
    k: number,
    out: number,
    pixels: number,
    channels: number,
    reluOfV: number,
  ): void;
}

interface WasmInternals {
  wasm: { asm?: { memory?: { buffer: ArrayBuffer } } };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

/** Which build of the kernels runs: 'relaxed' (fused multiply-adds) or 'plain' (SIMD only). */
export type KernelsBuild = 'plain' | 'relaxed';

const BYTES: Record<KernelsBuild, string> = {
  plain: KERNELS_WASM_BASE64,
  relaxed: KERNELS_RELAXED_WASM_BASE64,
};
const compiled = new Map<KernelsBuild, object | null>();
const instances = new WeakMap<object, Map<KernelsBuild, SimdKernels | null>>();
let disabled = false;
let chosen: KernelsBuild | null = null;

/**
 * The build `build` compiled, or null when this engine cannot compile it. The relaxed build first
 * turns relaxed SIMD on where V8 has it behind a flag (Node 20, V8 11.3: finished but not yet on
 * by default; the flag only adds the opcodes).
 */
function compiledModule(build: KernelsBuild): object | null {
  if (!compiled.has(build)) {
    const bytes = Buffer.from(BYTES[build], 'base64');
    let module: object | null;
    try {
      if (build === 'relaxed' && !wasmApi.validate(bytes)) {
        setFlagsFromString('--experimental-wasm-relaxed-simd');
      }
      module = new wasmApi.Module(bytes);
    } catch {
      module = null; // no WebAssembly SIMD (or relaxed SIMD) here
    }
    compiled.set(build, module);
  }
  return compiled.get(build) ?? null;
}

/** The build that runs: relaxed where it compiles, else plain (see useKernelsBuild). */
export function kernelsBuild(): KernelsBuild {
  chosen ??= compiledModule('relaxed') ? 'relaxed' : 'plain';
  return chosen;
}

/**
 * Runs `build` from now on in this thread (null: the best one here again), so tests can check
 * both. Returns false, changing nothing, when `build` cannot run here.
 */
export function useKernelsBuild(build: KernelsBuild | null): boolean {
  if (build && !compiledModule(build)) return false;
  chosen = build;
  return true;
}

/** The kernels on `backend`'s memory, or null when they cannot run there. */
export function simdKernels(backend: BackendWasm): SimdKernels | null {
  if (disabled) return null;
  const build = kernelsBuild();
  let byBuild = instances.get(backend);
  if (!byBuild) instances.set(backend, (byBuild = new Map<KernelsBuild, SimdKernels | null>()));
  if (byBuild.has(build)) return byBuild.get(build) ?? null;
  let kernels: SimdKernels | null = null;
  const memory = (backend as unknown as WasmInternals).wasm?.asm?.memory;
  const module = compiledModule(build);
  if (module && memory instanceof wasmApi.Memory) {
    try {
      const instance = new wasmApi.Instance(module, { env: { memory } });
      kernels = instance.exports as unknown as SimdKernels;
    } catch {
      kernels = null;
    }
  }
  byBuild.set(build, kernels);
  return kernels;
}

/** Turns the kernels off (true) or back on, so tests can compare both paths on one backend. */
export function disableSimdKernels(off: boolean): void {
  disabled = off;
}

/** Byte offset of a tensor's data in the backend's memory. */
export function heapPointer(backend: BackendWasm, info: TensorInfo): number {
  const data = (backend as unknown as WasmInternals).dataIdMap.get(info.dataId);
  if (!data) throw new Error('tensor data is not on this wasm backend');
  return data.memoryOffset;
}

/** Whether the convolution kernels handle `info`: output channels in fours, no dilation, and no
 * empty tensor (an empty tensor has no memory of its own to point at). */
export function simdConvFits(info: backend_util.Conv2DInfo): boolean {
  return (
    info.outChannels % 4 === 0 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.batchSize * info.inHeight * info.inWidth * info.inChannels > 0 &&
    info.outHeight * info.outWidth > 0
  );
}

/** The shape arguments of a pooling kernel, from `info` (channels in and out are the same). */
export function poolArgs(info: backend_util.Conv2DInfo): PoolShape {
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
  ];
}

/** The shape arguments every convolution kernel takes after its pointers, from `info`. */
export function convArgs(info: backend_util.Conv2DInfo): ConvShape {
  return [
    ...poolArgs(info),
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
}

/**
 * Per-channel scratch arrays on the backend's heap for one kernel call: `f64` float64 values
 * (the kernels' sums) then `f32` float32 values, each array `channels` long. Allocate it after the
 * kernel's outputs, take views only after that (an allocation may grow the heap and detach older
 * views), and free it before returning.
 */
export class HeapScratch {
  private readonly info: TensorInfo;
  private readonly base: number;
  private readonly f32Start: number;

  constructor(
    private readonly backend: BackendWasm,
    private readonly channels: number,
    f64Arrays: number,
    f32Arrays: number,
  ) {
    // Two extra floats so the float64 part can start on an 8-byte boundary.
    this.info = backend.makeOutput([channels * (2 * f64Arrays + f32Arrays) + 2], 'float32');
    this.base = Math.ceil(heapPointer(backend, this.info) / 8) * 8;
    this.f32Start = this.base + channels * 8 * f64Arrays;
  }

  /** Byte offset of the i-th float64 array. */
  f64Pointer(i: number): number {
    return this.base + i * this.channels * 8;
  }

  /** Byte offset of the i-th float32 array. */
  f32Pointer(i: number): number {
    return this.f32Start + i * this.channels * 4;
  }

  f64(i: number): Float64Array {
    return new Float64Array(this.buffer(), this.f64Pointer(i), this.channels);
  }

  f32(i: number): Float32Array {
    return new Float32Array(this.buffer(), this.f32Pointer(i), this.channels);
  }

  free(): void {
    this.backend.disposeData(this.info.dataId);
  }

  private buffer(): ArrayBuffer {
    const memory = (this.backend as unknown as WasmInternals).wasm.asm?.memory;
    if (!memory) throw new Error("the wasm backend's memory is not reachable");
    return memory.buffer;
  }
}

/** Tiles per block of winogradFilterGrad (WINOGRAD_TILES in ./assembly/kernels.ts). */
const WINOGRAD_FILTER_GRAD_TILES = 64;

/** Whether a convolution runs as Winograd F(2x2, 3x3): 3x3, stride 1, channels in 4s and 16s. */
export function winogradFits(info: backend_util.Conv2DInfo): boolean {
  return (
    simdConvFits(info) &&
    info.filterHeight === 3 &&
    info.filterWidth === 3 &&
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    info.inChannels % 4 === 0 &&
    info.outChannels % 16 === 0
  );
}

/**
 * y (made here) = act(conv(x, filter) + bias) for a convolution `info` that simdConvFits: by
 * Winograd F(2x2, 3x3) where it fits (2.25 times fewer multiplications), else directly.
 */
export function simdConvolution(
  simd: SimdKernels,
  backend: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  bias: TensorInfo | null,
  relu: boolean,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const y = backend.makeOutput(info.outShape, 'float32');
  const [c, co] = [info.inChannels, info.outChannels];
  if (!winogradFits(info)) {
    simd.conv2d(
      heapPointer(backend, x),
      heapPointer(backend, filter),
      bias ? heapPointer(backend, bias) : 0,
      heapPointer(backend, y),
      relu ? 1 : 0,
      ...convArgs(info),
    );
    return y;
  }
  const u = backend.makeOutput([16 * c * co], 'float32');
  const scratch = backend.makeOutput([32 * (c + co)], 'float32');
  try {
    simd.winogradFilter(heapPointer(backend, filter), heapPointer(backend, u), c, co);
    simd.winogradConv2d(
      heapPointer(backend, x),
      heapPointer(backend, u),
      bias ? heapPointer(backend, bias) : 0,
      heapPointer(backend, y),
      heapPointer(backend, scratch),
      relu ? 1 : 0,
      info.batchSize,
      info.inHeight,
      info.inWidth,
      c,
      info.outHeight,
      info.outWidth,
      co,
      info.padInfo.top,
      info.padInfo.left,
    );
  } finally {
    backend.disposeData(u.dataId);
    backend.disposeData(scratch.dataId);
  }
  return y;
}

/**
 * dw (made here) = the filter gradient of a convolution `info` that simdConvFits, from x and dy:
 * by Winograd F(3x3, 2x2) where it fits (2.25 times fewer multiplications), else directly.
 */
export function simdFilterGradient(
  simd: SimdKernels,
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const [c, co] = [info.inChannels, info.outChannels];
  const dw = backend.makeOutput([info.filterHeight, info.filterWidth, c, co], 'float32');
  if (!winogradFits(info)) {
    simd.convFilterGrad(
      heapPointer(backend, x),
      heapPointer(backend, dy),
      heapPointer(backend, dw),
      ...convArgs(info),
    );
    return dw;
  }
  const floats = 16 * (c * co + WINOGRAD_FILTER_GRAD_TILES * (c + co) + 32);
  const scratch = backend.makeOutput([floats], 'float32');
  try {
    simd.winogradFilterGrad(
      heapPointer(backend, x),
      heapPointer(backend, dy),
      heapPointer(backend, dw),
      heapPointer(backend, scratch),
      info.batchSize,
      info.inHeight,
      info.inWidth,
      c,
      info.outHeight,
      info.outWidth,
      co,
      info.padInfo.top,
      info.padInfo.left,
    );
  } finally {
    backend.disposeData(scratch.dataId);
  }
  return dw;
}
