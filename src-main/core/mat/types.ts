/** MATLAB array classes as Letter Lab names them. */
export type MatNumericClass =
  | 'double'
  | 'single'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64';

export type MatClass =
  | MatNumericClass
  | 'logical'
  | 'char'
  | 'cell'
  | 'struct'
  | 'object'
  | 'sparse'
  | 'function'
  | 'opaque'
  | 'unknown';

/** The typed array a numeric class decodes to (logical -> Uint8Array). */
export type MatData =
  | Float64Array
  | Float32Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

export interface MatVariable {
  name: string;
  class: MatClass;
  /** MATLAB dimensions, e.g. [28, 28, 18724]. Empty for opaque objects. */
  dims: number[];
  /**
   * The real values, column-major unless MatFile.order says row-major. Present for numeric and
   * logical arrays that were asked for; absent for other classes, complex arrays and skipped
   * variables. May share memory with the bytes given to readMat.
   */
  data?: MatData;
  /** The characters of a one-row char array. */
  text?: string;
  complex?: boolean;
  /** Byte offset of the variable's element in the file (after any gzip layer). */
  offset: number;
  /** True when the variable is stored in a miCOMPRESSED element. */
  compressed: boolean;
}

export interface MatFile {
  format: 'MAT5';
  /** True when any variable is stored compressed (a MAT v7 file). */
  compressed: boolean;
  endian: 'le' | 'be';
  /** True when the file was wrapped in gzip (.mat.gz). */
  gzip: boolean;
  /** Layout of every `data` array. */
  order: 'column-major' | 'row-major';
  /** Bytes of the MAT-file (after removing any gzip layer). */
  byteLength: number;
  variables: MatVariable[];
}

export type ProgressFn = (fraction: number, stage: string) => void;

export interface ReadMatOptions {
  /** Decode data only for these variable names; the others are listed without data. */
  only?: string[];
  /** Return 2-D and 3-D arrays row-major (C order, same dims) instead of MATLAB's column-major. */
  rowMajor?: boolean;
  /** Diagnostics: called with the size of every buffer the reader allocates for the file. */
  onAllocate?: (bytes: number, what: string) => void;
}

export interface ReadMatFileOptions extends ReadMatOptions {
  /** Called with overall progress 0..1 and a stage name ('reading', 'decompressing', 'done'). */
  onProgress?: ProgressFn;
}
