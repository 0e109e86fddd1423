// The WebAssembly API as Letter Lab's kernels use it: the Node typings here (lib ES2023, no DOM)
// declare none, and the global is there in every runtime we train in.

export interface WasmModuleEntry {
  module?: string;
  name: string;
  kind: string;
}

export interface WasmApi {
  Module: {
    new (bytes: Uint8Array): object;
    imports(module: object): WasmModuleEntry[];
    exports(module: object): WasmModuleEntry[];
  };
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: abstract new (...args: never[]) => object;
  validate(bytes: Uint8Array): boolean;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
