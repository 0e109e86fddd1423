import { LetterLabError } from '../errors';
import {
  ENDIAN_AT,
  ENDIAN_MARK,
  HDF5_SIGNATURE,
  HDF5_SIGNATURE_AT,
  HEADER_BYTES,
  HEADER_TEXT_BYTES,
  SUBSYS_OFFSET_AT,
  VERSION_5,
  VERSION_73,
  VERSION_AT,
} from './constants';
import { corruptError, notMatError, truncatedError, v4Error, v73Error } from './mat-errors';
import type { ByteSource } from './source';

export interface MatHeader {
  littleEndian: boolean;
  text: string;
  /** Offset of the subsystem-data element, or null when there is none. */
  subsysOffset: number | null;
}

const V4_HEADER_BYTES = 20;
const V4_MAX_NAME = 64;

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** The first variable's name when the bytes look like a level-4 MAT-file, else null. */
function v4Name(head: Uint8Array): string | null {
  if (head.length < V4_HEADER_BYTES) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.length);
  for (const little of [true, false]) {
    const int32 = (at: number) => view.getInt32(at, little);
    const [type, rows, cols, imagf, nameLen] = [int32(0), int32(4), int32(8), int32(12), int32(16)];
    const machine = Math.floor(type / 1000);
    const zero = Math.floor(type / 100) % 10;
    const precision = Math.floor(type / 10) % 10;
    const kind = type % 10;
    const plausible =
      type >= 0 &&
      machine <= 4 &&
      zero === 0 &&
      precision <= 5 &&
      kind <= 2 &&
      rows >= 0 &&
      cols >= 0 &&
      (imagf === 0 || imagf === 1) &&
      nameLen >= 1 &&
      nameLen <= V4_MAX_NAME;
    if (!plausible) continue;
    const name = head.subarray(V4_HEADER_BYTES, V4_HEADER_BYTES + nameLen);
    if (name.length === nameLen && name[nameLen - 1] === 0) {
      return latin1(name.subarray(0, nameLen - 1)).replace(/[^\x20-\x7e]/g, '?');
    }
    if (name.length < nameLen) return '';
  }
  return null;
}

function hasHdf5Signature(src: ByteSource): boolean {
  if (src.size < HDF5_SIGNATURE_AT + HDF5_SIGNATURE.length) return false;
  const sig = src.bytes(HDF5_SIGNATURE_AT, HDF5_SIGNATURE.length);
  return HDF5_SIGNATURE.every((b, i) => sig[i] === b);
}

/** Reads and checks the 128-byte level-5 header; throws a specific error for other formats. */
export function readHeader(src: ByteSource): MatHeader {
  if (src.size === 0) throw notMatError('the file is empty');
  const head = src.bytes(0, Math.min(src.size, HEADER_BYTES));
  const text = latin1(head.subarray(0, HEADER_TEXT_BYTES));
  if (text.startsWith('MATLAB 7.3') || hasHdf5Signature(src)) throw v73Error();
  const saysMatlab = text.startsWith('MATLAB');
  if (!saysMatlab) {
    const name = v4Name(head);
    if (name !== null) throw v4Error(name);
  }
  if (src.size < HEADER_BYTES) {
    if (saysMatlab) throw truncatedError('the 128-byte MAT-file header', HEADER_BYTES, src.size);
    throw notMatError(`it is only ${src.size} bytes long, shorter than a MAT-file header`);
  }
  const mark = latin1(head.subarray(ENDIAN_AT, ENDIAN_AT + 2));
  if (mark !== 'IM' && mark !== 'MI') {
    const shown = JSON.stringify(mark);
    if (saysMatlab) {
      throw corruptError('the header', `bytes 126-127 are ${shown} instead of "IM" or "MI"`);
    }
    throw notMatError(`it does not start with "MATLAB" and bytes 126-127 are ${shown}, not "IM"`);
  }
  const view = new DataView(head.buffer, head.byteOffset, HEADER_BYTES);
  const littleEndian = mark === 'IM';
  // Read back in the file's byte order, the mark is always 'MI' (0x4d49).
  if (view.getUint16(ENDIAN_AT, littleEndian) !== ENDIAN_MARK) {
    throw corruptError('the header', 'the endian mark does not read back as "MI"');
  }
  const version = view.getUint16(VERSION_AT, littleEndian);
  if (version === VERSION_73) throw v73Error();
  if (version !== VERSION_5) {
    throw new LetterLabError(
      'mat.unsupported',
      `The MAT-file header gives version 0x${version.toString(16).padStart(4, '0')} at byte ` +
        `${VERSION_AT}; Letter Lab reads level-5 files (version 0x0100). Re-save the file with ` +
        "MATLAB `save -v7` or `scipy.io.savemat(..., format='5')`.",
      { offset: VERSION_AT },
    );
  }
  const subsys = head.subarray(SUBSYS_OFFSET_AT, SUBSYS_OFFSET_AT + 8);
  const none = subsys.every((b) => b === 0) || subsys.every((b) => b === 0x20);
  const lo = view.getUint32(SUBSYS_OFFSET_AT + (littleEndian ? 0 : 4), littleEndian);
  const hi = view.getUint32(SUBSYS_OFFSET_AT + (littleEndian ? 4 : 0), littleEndian);
  const subsysOffset = none ? null : hi * 2 ** 32 + lo;
  return { littleEndian, text: text.trimEnd(), subsysOffset };
}
