/** A small, ordered XML element tree on top of fast-xml-parser, enough for SDF object files. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** Concatenated direct text content, trimmed ('' when none). */
  readonly text: string;
  readonly children: readonly XmlElement[];
}

export interface XmlSyntaxError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export type ParsedXml = { ok: true; roots: XmlElement[] } | { ok: false; error: XmlSyntaxError };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  commentPropName: '#comment',
});

type RawNode = Record<string, unknown>;

function toElement(raw: RawNode): XmlElement | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name.startsWith('#') || name.startsWith('?')) return undefined;
  const body = (raw[name] as RawNode[]) ?? [];
  const attrs = (raw[':@'] as Record<string, string> | undefined) ?? {};
  const texts = body.filter((n) => '#text' in n).map((n) => String(n['#text']));
  const children = body.map(toElement).filter((e): e is XmlElement => e !== undefined);
  return { name, attrs, text: texts.join('').trim(), children };
}

const MULTIPLE_ROOTS = /multiple possible root nodes/i;
const DECLARATION = /^\s*<\?xml[^>]*\?>/;

/**
 * fast-xml-parser's validator rejects a second root element; SDF's one-object-per-file rule wants
 * to name that itself, so such text is re-validated inside a synthetic root (lines unchanged).
 */
function validate(text: string): XmlSyntaxError | undefined {
  let result = XMLValidator.validate(text);
  if (result !== true && MULTIPLE_ROOTS.test(result.err.msg)) {
    result = XMLValidator.validate(`<sdf-validate-root>${text.replace(DECLARATION, '')}</sdf-validate-root>`);
  }
  return result === true ? undefined : { line: result.err.line, col: result.err.col, message: result.err.msg };
}

/** Validates first (so errors carry line numbers), then parses; several root elements are allowed here. */
export function parseXml(text: string): ParsedXml {
  const error = validate(text);
  if (error) return { ok: false, error };
  const raw = parser.parse(text) as RawNode[];
  return { ok: true, roots: raw.map(toElement).filter((e): e is XmlElement => e !== undefined) };
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childText(el: XmlElement, name: string): string | undefined {
  return child(el, name)?.text;
}

/** Every element below `el` (depth first), with the chain of ancestors from `el` down. */
export function* descendants(el: XmlElement, ancestors: XmlElement[] = []): Generator<{ el: XmlElement; ancestors: XmlElement[] }> {
  for (const c of el.children) {
    yield { el: c, ancestors: [...ancestors, el] };
    yield* descendants(c, [...ancestors, el]);
  }
}
