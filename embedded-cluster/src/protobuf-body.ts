import { unsupportedMediaType } from './status-errors.ts';

// Kubernetes protobuf bodies start with this magic, then a runtime.Unknown envelope.
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, (Buffer | number)[]>;

/**
 * Typed kubectl commands (`create namespace`, `create configmap`, `create secret generic`) send
 * protobuf and do not fall back to JSON. This decodes just those three kinds, and of their
 * metadata only name, generateName, namespace, labels and annotations; anything else is 415.
 */
export function decodeProtobufObject(body: Buffer, contentType: string): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(MAGIC)) throw unsupportedMediaType(contentType);
  const envelope = readFields(body.subarray(4));
  const typeMeta = readFields(bytes(envelope, 1));
  const apiVersion = text(typeMeta, 1);
  const kind = text(typeMeta, 2);
  const object = readFields(bytes(envelope, 2));
  const metadata = objectMeta(readFields(bytes(object, 1)));
  switch (`${apiVersion}/${kind}`) {
    case 'v1/Namespace':
      return { apiVersion, kind, metadata };
    case 'v1/ConfigMap':
      return { apiVersion, kind, metadata, ...nonEmpty('data', stringMap(object, 2)), ...nonEmpty('binaryData', stringMap(object, 3, 'base64')) };
    case 'v1/Secret': {
      const type = text(object, 3);
      return { apiVersion, kind, metadata, ...nonEmpty('data', stringMap(object, 2, 'base64')), ...(type ? { type } : {}) };
    }
    default:
      throw unsupportedMediaType(`${contentType} (${apiVersion} ${kind})`);
  }
}

function nonEmpty(key: string, map: Record<string, string>): Record<string, Record<string, string>> {
  return Object.keys(map).length > 0 ? { [key]: map } : {};
}

function objectMeta(fields: Fields): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== '' && value !== undefined && !(typeof value === 'object' && value !== null && Object.keys(value).length === 0)) meta[key] = value;
  };
  set('name', text(fields, 1));
  set('generateName', text(fields, 2));
  set('namespace', text(fields, 3));
  set('labels', stringMap(fields, 11));
  set('annotations', stringMap(fields, 12));
  return meta;
}

function stringMap(fields: Fields, field: number, valueEncoding: 'utf8' | 'base64' = 'utf8'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fields.get(field) ?? []) {
    if (!Buffer.isBuffer(entry)) continue;
    const kv = readFields(entry);
    out[text(kv, 1)] = bytes(kv, 2).toString(valueEncoding);
  }
  return out;
}

function bytes(fields: Fields, field: number): Buffer {
  const value = fields.get(field)?.[0];
  return Buffer.isBuffer(value) ? value : Buffer.alloc(0);
}

function text(fields: Fields, field: number): string {
  return bytes(fields, field).toString('utf8');
}

function readFields(buf: Buffer): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated protobuf varint');
      const b = buf[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  while (pos < buf.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    let value: Buffer | number;
    switch (tag & 7) {
      case 0:
        value = varint();
        break;
      case 1:
        value = buf.subarray(pos, (pos += 8));
        break;
      case 2: {
        const length = varint();
        value = buf.subarray(pos, (pos += length));
        break;
      }
      case 5:
        value = buf.subarray(pos, (pos += 4));
        break;
      default:
        throw new Error(`unsupported protobuf wire type ${tag & 7}`);
    }
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}
