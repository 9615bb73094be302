/**
 * Just enough of the protobuf wire format to read what Anki keeps in protobuf blobs: the package
 * `meta` file, the `media` list of new packages, and the config columns of the schema-18 tables
 * (note type kind, template question and answer formats, deck kind). A generated decoder would
 * pull in a runtime and the whole of Anki's .proto tree for five fields; this reader walks the
 * bytes, keeps each field by number, and lets the caller pick the ones it knows.
 *
 * Varints are read into JavaScript numbers: exact up to 2^53, which covers every field read here
 * (enums, sizes, indices). Larger ones (64-bit ids) lose precision but are never used.
 */

export interface ProtoField {
  field: number;
  /** 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit. */
  wire: number;
  /** The varint value (wire 0); 0 otherwise. */
  value: number;
  /** The payload of a length-delimited field (wire 2). */
  bytes?: Uint8Array;
}

export class ProtobufError extends Error {}

const decoder = new TextDecoder();

/** Every field of one message, in the order they appear. Throws ProtobufError on malformed bytes. */
export function readMessage(buf: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i += 1) {
      if (pos >= buf.length) throw new ProtobufError('truncated varint');
      const byte = buf[pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw new ProtobufError('varint too long');
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new ProtobufError('field number 0');
    if (wire === 0) {
      fields.push({ field, wire, value: varint() });
    } else if (wire === 2) {
      const length = varint();
      if (pos + length > buf.length) throw new ProtobufError('truncated field');
      fields.push({ field, wire, value: 0, bytes: buf.subarray(pos, pos + length) });
      pos += length;
    } else if (wire === 1 || wire === 5) {
      const length = wire === 1 ? 8 : 4;
      if (pos + length > buf.length) throw new ProtobufError('truncated field');
      fields.push({ field, wire, value: 0, bytes: buf.subarray(pos, pos + length) });
      pos += length;
    } else {
      throw new ProtobufError(`unsupported wire type ${wire}`);
    }
  }
  return fields;
}

/** The last occurrence of a string field (protobuf's rule for repeated scalars in a singular field), '' when absent. */
export function stringField(fields: ProtoField[], field: number): string {
  let out = '';
  for (const f of fields) if (f.field === field && f.bytes) out = decoder.decode(f.bytes);
  return out;
}

/** The last occurrence of a varint field, 0 when absent. */
export function varintField(fields: ProtoField[], field: number): number {
  let out = 0;
  for (const f of fields) if (f.field === field && f.wire === 0) out = f.value;
  return out;
}

/** The payloads of every occurrence of a length-delimited field (a repeated or single message). */
export function messageFields(fields: ProtoField[], field: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const f of fields) if (f.field === field && f.wire === 2 && f.bytes) out.push(f.bytes);
  return out;
}

export function hasField(fields: ProtoField[], field: number): boolean {
  return fields.some((f) => f.field === field);
}
