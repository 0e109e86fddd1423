export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | 'native' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  nativeAvailable: boolean;
  nativeError: string | null;
  simd: boolean | null;
  /** Whether Letter Lab's own SIMD training kernels loaded (WebAssembly only; else null). */
  simdKernels: boolean | null;
  threads: number | null;
  /** Why this backend is active, in plain words. */
  reason: string;
}

/** What campers read about the training engine (core/backend/summary.ts). */
export interface BackendSummary {
  /** native: TensorFlow's own engine; processor: WebAssembly; slow: plain JavaScript. */
  engine: 'native' | 'processor' | 'slow';
  /** Processor cores training uses: WebAssembly's training threads, else every core. */
  cores: number;
}
