import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Validates requests and responses against docs/scend-openapi.yaml, so the simulator, the client
 * and the document cannot drift apart. Every function returns a list of human-readable problems;
 * an empty list means the message conforms.
 */

export const OPENAPI_PATH = resolve(__dirname, '../../../docs/scend-openapi.yaml');
const BASE = 'https://scend.example/openapi.json';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Json;
}

export interface MatchedOperation {
  method: string;
  template: string;
  operationId: string;
  pathParams: Record<string, string>;
}

class ContractValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; regex: RegExp; names: string[] }[];

  constructor(readonly doc: Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...doc, $id: BASE });
    this.templates = Object.keys(doc.paths as Json).map((template) => {
      const names: string[] = [];
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { template, regex: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, pathOrUrl: string): MatchedOperation | undefined {
    const pathname = new URL(pathOrUrl, 'http://localhost').pathname;
    const m = method.toLowerCase();
    for (const t of this.templates) {
      const found = t.regex.exec(pathname);
      if (!found) continue;
      const item = (this.doc.paths as Json)[t.template] as Json;
      const op = item[m] as Json | undefined;
      if (!op) return undefined;
      const pathParams: Record<string, string> = {};
      t.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(found[i + 1])));
      return { method: m, template: t.template, operationId: String(op.operationId), pathParams };
    }
    return undefined;
  }

  validateResponse(method: string, pathOrUrl: string, status: number, body: unknown, headers?: Record<string, string | string[] | undefined>): string[] {
    const op = this.match(method, pathOrUrl);
    if (!op) return [`${method.toUpperCase()} ${pathOrUrl} is not an operation of the contract`];
    const where = `${op.method.toUpperCase()} ${op.template} -> ${status}`;
    const responsesPointer = `/paths/${escape(op.template)}/${op.method}/responses`;
    const responses = this.at(responsesPointer) as Json;
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
    if (!key) return [`${where}: status ${status} is not documented`];
    let pointer = `${responsesPointer}/${key}`;
    let response = this.at(pointer) as Json;
    if (typeof response.$ref === 'string') {
      pointer = response.$ref.slice(1);
      response = this.at(pointer) as Json;
    }
    const problems: string[] = [];
    const declaredHeaders = (response.headers ?? {}) as Json;
    if (headers) {
      for (const name of Object.keys(declaredHeaders)) {
        const raw = headers[name.toLowerCase()] ?? headers[name];
        const value = Array.isArray(raw) ? raw[0] : raw;
        if (value === undefined) problems.push(`${where}: header ${name} is missing`);
        else if (!/^\d+$/.test(value)) problems.push(`${where}: header ${name} must be a non-negative integer, got ${value}`);
      }
    }
    const content = response.content as Json | undefined;
    if (!content) return body === undefined || body === '' ? problems : [...problems, `${where}: no body expected`];
    problems.push(...this.check(`${pointer}/content/${escape('application/json')}/schema`, body, `${where} body`));
    return problems;
  }

  validateRequest(method: string, pathOrUrl: string, body?: unknown): string[] {
    const op = this.match(method, pathOrUrl);
    if (!op) return [`${method.toUpperCase()} ${pathOrUrl} is not an operation of the contract`];
    const where = `${op.method.toUpperCase()} ${op.template}`;
    const problems: string[] = [];
    const url = new URL(pathOrUrl, 'http://localhost');
    const params = this.parameters(op);
    for (const [name, value] of url.searchParams) {
      const found = params.find((p) => p.param.in === 'query' && p.param.name === name);
      if (!found) problems.push(`${where}: unknown query parameter ${name}`);
      else problems.push(...this.check(found.schemaPointer, coerce(found.param.schema ?? {}, value), `${where} query ${name}`).map(stripRoot));
    }
    for (const p of params.filter((x) => x.param.in === 'path')) {
      problems.push(...this.check(p.schemaPointer, op.pathParams[p.param.name], `${where} path ${p.param.name}`).map(stripRoot));
    }
    const opPointer = `/paths/${escape(op.template)}/${op.method}`;
    const requestBody = (this.at(opPointer) as Json).requestBody as Json | undefined;
    if (!requestBody) {
      if (body !== undefined) problems.push(`${where}: takes no request body`);
      return problems;
    }
    if (body === undefined) return requestBody.required ? [...problems, `${where}: request body is required`] : problems;
    problems.push(...this.check(`${opPointer}/requestBody/content/${escape('application/json')}/schema`, body, `${where} body`));
    return problems;
  }

  /** Validate a value against a named component schema, e.g. `validateSchema('Despatch', x)`. */
  validateSchema(name: string, value: unknown): string[] {
    if (!(name in ((this.doc.components as Json).schemas as Json))) return [`no schema ${name}`];
    return this.check(`/components/schemas/${escape(name)}`, value, name);
  }

  /** The operation's parameters with the JSON pointer of each one's schema (path-level ones first). */
  private parameters(op: MatchedOperation): { param: Parameter; schemaPointer: string }[] {
    const itemPointer = `/paths/${escape(op.template)}`;
    const lists = [`${itemPointer}/parameters`, `${itemPointer}/${op.method}/parameters`];
    return lists.flatMap((listPointer) => {
      const list = (this.tryAt(listPointer) as Json[] | undefined) ?? [];
      return list.map((p, i) => {
        const pointer = typeof p.$ref === 'string' ? p.$ref.slice(1) : `${listPointer}/${i}`;
        return { param: this.at(pointer) as unknown as Parameter, schemaPointer: `${pointer}/schema` };
      });
    });
  }

  private check(pointer: string, value: unknown, where: string): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${BASE}#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${describeParams(e.params)}`);
  }

  private tryAt(pointer: string): unknown {
    try {
      return this.at(pointer);
    } catch {
      return undefined;
    }
  }

  private at(pointer: string): unknown {
    return pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((node, part) => (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')], this.doc);
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function stripRoot(problem: string): string {
  return problem.replace(': (root) ', ': ');
}

function coerce(schema: Json, value: string): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function describeParams(params: Record<string, unknown>): string {
  const detail = params.additionalProperty ?? params.allowedValues ?? params.missingProperty;
  return detail === undefined ? '' : ` (${JSON.stringify(detail)})`;
}

let shared: ContractValidator | undefined;

/** The validator for docs/scend-openapi.yaml (parsed and compiled once per process). */
export function contractValidator(): ContractValidator {
  shared ??= new ContractValidator(parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json);
  return shared;
}

/** Problems with a response: status documented for the operation, body matches its schema, declared headers present (when given). */
export function validateResponse(method: string, pathOrUrl: string, status: number, body: unknown, headers?: Record<string, string | string[] | undefined>): string[] {
  return contractValidator().validateResponse(method, pathOrUrl, status, body, headers);
}

/** Problems with a request: known operation, query and path parameters in range, body matches the request schema. */
export function validateRequest(method: string, pathOrUrl: string, body?: unknown): string[] {
  return contractValidator().validateRequest(method, pathOrUrl, body);
}

/** Problems with a value against one component schema (e.g. 'Order', 'Despatch', 'WebhookDelivery'). */
export function validateSchema(name: string, value: unknown): string[] {
  return contractValidator().validateSchema(name, value);
}

/** The contract operation a method + path or URL belongs to, with its template (e.g. '/v1/orders/{OrderId}'). */
export function matchOperation(method: string, pathOrUrl: string): MatchedOperation | undefined {
  return contractValidator().match(method, pathOrUrl);
}
