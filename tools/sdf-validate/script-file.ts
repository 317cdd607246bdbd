/** Reads what NetSuite reads from a built script: the JSDoc header tags and the define() calls. */
import ts from 'typescript';

export interface ScriptHeader {
  /** Offset just past the header comment. */
  readonly end: number;
  readonly tags: Readonly<Record<string, string>>;
}

export interface ScriptFileShape {
  readonly header: ScriptHeader | undefined;
  /** Start offsets of every call to a global `define(...)`. */
  readonly defineCalls: readonly number[];
}

const HEADER = /\/\*\*[\s\S]*?\*\//g;
const TAG = /@(N\w+)\s+([^\s*]+)/g;

function findHeader(text: string): ScriptHeader | undefined {
  for (const match of text.matchAll(HEADER)) {
    if (!match[0].includes('@NApiVersion')) continue;
    const tags: Record<string, string> = {};
    for (const [, tag, value] of match[0].matchAll(TAG)) tags[tag] = value;
    return { end: (match.index ?? 0) + match[0].length, tags };
  }
  return undefined;
}

function findDefineCalls(text: string): number[] {
  const source = ts.createSourceFile('script.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const calls: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define') {
      calls.push(node.getStart(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

export function inspectScriptFile(text: string): ScriptFileShape {
  return { header: findHeader(text), defineCalls: findDefineCalls(text) };
}
