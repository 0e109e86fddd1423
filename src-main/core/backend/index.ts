export { initBackend, currentBackend, describeBackend, type BackendOptions } from './init';
export { wasmBinaryDir } from './wasm-paths';
export type { BackendInfo, BackendPreference } from '../../contract/backend';
