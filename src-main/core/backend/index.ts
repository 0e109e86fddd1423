export { initBackend, currentBackend, describeBackend } from './init';
export { wasmBinaryDir } from './wasm-paths';
export type { BackendInfo, BackendPreference } from '../../contract/backend';
