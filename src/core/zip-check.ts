import { inflateRawSync } from 'node:zlib';

/** The most an office file may hold once unpacked, and how many times its own size. */
export const MAX_UNPACKED = 200 * 1024 * 1024;
export const MAX_RATIO = 100;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Where the ZIP's central directory starts and how many entries it has; null when it has none. */
function directoryOf(zip: Buffer): { offset: number; entries: number } | null {
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return { entries: zip.readUInt16LE(at + 10), offset: zip.readUInt32LE(at + 16) };
  }
  return null;
}

/**
 * Whether a ZIP (an office document is one) unpacks to too much: more than MAX_UNPACKED in all, or
 * more than MAX_RATIO times its size. The sizes the directory declares are checked first, then every
 * entry is really inflated with a ceiling, since a bomb may declare small sizes: inflating stops as
 * soon as the ceiling is passed. A ZIP that cannot be read is refused too.
 */
export function isZipBomb(zip: Buffer): boolean {
  const budget = Math.min(MAX_UNPACKED, zip.length * MAX_RATIO);
  const dir = directoryOf(zip);
  if (!dir || dir.offset >= zip.length) return true;
  let declared = 0;
  let used = 0;
  let at = dir.offset;
  try {
    for (let i = 0; i < dir.entries; i++) {
      if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return true;
      const method = zip.readUInt16LE(at + 10);
      const compressed = zip.readUInt32LE(at + 20);
      const size = zip.readUInt32LE(at + 24);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const local = zip.readUInt32LE(at + 42);
      at += 46 + nameLength + extraLength + commentLength;
      declared += size;
      if (declared > budget) return true;
      if (zip.readUInt32LE(local) !== LOCAL_HEADER) return true;
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) used += data.length;
      else if (method === 8) used += inflateRawSync(data, { maxOutputLength: budget - used + 1 }).length;
      else return true;
      if (used > budget) return true;
    }
  } catch {
    // Past the ceiling (RangeError) or not a readable ZIP: either way not a document to keep.
    return true;
  }
  return false;
}
