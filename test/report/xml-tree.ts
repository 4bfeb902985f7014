// A small, strict XML reader for tests: enough of XML 1.0 to prove a document is well formed
// (one root, nested tags, quoted unique attributes, known entities, legal characters) and to
// walk what it holds. No DTDs, no namespaces.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

export class XmlNotWellFormedError extends Error {
  readonly code = 'XML_NOT_WELL_FORMED';
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlNotWellFormedError';
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ILLEGAL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, offset: number): string {
  if (ILLEGAL_CHAR.test(raw)) throw new XmlNotWellFormedError('illegal character', offset);
  if (raw.includes('<')) throw new XmlNotWellFormedError('raw < in text or attribute', offset);
  return raw.replace(/&([^;]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlNotWellFormedError(`unterminated entity ${whole}`, offset);
    const named = NAMED[body];
    if (named !== undefined) return named;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new XmlNotWellFormedError(`unknown entity &${body};`, offset);
    const code = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
    const char = String.fromCodePoint(code);
    if (ILLEGAL_CHAR.test(char)) throw new XmlNotWellFormedError(`reference to illegal character &${body};`, offset);
    return char;
  });
}

/** Parses a whole document; throws XmlNotWellFormedError with the offset of the first problem. */
export function parseXml(text: string): XmlElement {
  let at = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string): never => {
    throw new XmlNotWellFormedError(message, at);
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(text);
    if (!match) fail('expected a name');
    at = NAME.lastIndex;
    return match![0];
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at += 1;
  };
  if (text.startsWith('<?xml')) {
    at = text.indexOf('?>');
    if (at < 0) fail('unterminated XML declaration');
    at += 2;
  }
  while (at < text.length) {
    const next = text.indexOf('<', at);
    const chunk = text.slice(at, next < 0 ? text.length : next);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(chunk, at);
    else if (chunk.trim() !== '') fail('text outside the root element');
    if (next < 0) break;
    at = next;
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at);
      if (end < 0) fail('unterminated comment');
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at);
      if (end < 0 || !top) fail('bad CDATA section');
      top!.text += text.slice(at + 9, end);
      at = end + 3;
    } else if (text.startsWith('</', at)) {
      at += 2;
      const closing = name();
      skipSpace();
      if (text[at] !== '>') fail('expected >');
      at += 1;
      const open = stack.pop();
      if (!open || open.name !== closing) fail(`</${closing}> does not close <${open?.name ?? 'nothing'}>`);
    } else {
      at += 1;
      const element: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
      const attributes = element.attributes as Record<string, string>;
      for (;;) {
        const before = at;
        skipSpace();
        if (text.startsWith('/>', at) || text[at] === '>') break;
        if (at === before) fail('expected whitespace before an attribute');
        const key = name();
        if (key in attributes) fail(`duplicate attribute ${key}`);
        skipSpace();
        if (text[at] !== '=') fail('expected =');
        at += 1;
        skipSpace();
        const quote = text[at];
        if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
        const end = text.indexOf(quote!, at + 1);
        if (end < 0) fail('unterminated attribute value');
        attributes[key] = decode(text.slice(at + 1, end), at);
        at = end + 1;
      }
      const selfClosing = text.startsWith('/>', at);
      at += selfClosing ? 2 : 1;
      if (top) top.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) fail('no root element');
  return root!;
}

/** Every element under `element` (depth first) with this name. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
