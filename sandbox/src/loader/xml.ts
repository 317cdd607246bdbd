import { XMLParser } from 'fast-xml-parser';

/** Elements that SDF repeats; always parsed as arrays so one and many read the same. */
const REPEATED = new Set([
  'customrecordcustomfield', 'customvalue', 'scriptcustomfield', 'scriptdeployment', 'permission',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

export function parseXml(text: string): XmlNode {
  return parser.parse(text) as XmlNode;
}

/** Text content of a child element ('' when absent). */
export function text(node: XmlNode | undefined, name: string): string {
  const v = node?.[name];
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return String((v as XmlNode)['#text'] ?? '');
  return String(v).trim();
}

export const bool = (node: XmlNode | undefined, name: string, dflt = false): boolean => {
  const v = text(node, name);
  return v === '' ? dflt : v.toUpperCase() === 'T';
};

export const children = (node: XmlNode | undefined, wrapper: string, item: string): XmlNode[] => {
  const w = node?.[wrapper] as XmlNode | undefined;
  const items = w?.[item];
  return Array.isArray(items) ? (items as XmlNode[]) : [];
};

/** '[/SuiteScripts/x.js]' -> '/SuiteScripts/x.js'; '[scriptid=customrecord_x]' -> 'customrecord_x' (SDF references). */
export const unref = (v: string): string => v.replace(/^\[(.*)\]$/, '$1').replace(/^scriptid=/i, '').trim();

export const attr = (node: XmlNode, name: string): string => String(node[`@_${name}`] ?? '');
