import { SuiteScriptError } from '../kernel/errors';

interface Secret { value: string; allowedDomains?: string[]; allowedScripts?: string[] }

/**
 * NetSuite API Secrets (`custsecret_...`), registered by the test or demo. Scripts only ever hold
 * SecureStrings naming them; the value is substituted when a request goes on the wire.
 */
export class SecretVault {
  private readonly secrets = new Map<string, Secret>();
  /** The script running now (null for a UI user): a secret restricted to scripts refuses the others. */
  currentScript: () => string | null = () => null;

  /**
   * `allowedDomains`: NetSuite's "Restrict to Domains"; `allowedScripts`: "Restrict to Scripts"
   * (script ids, e.g. customscript_x). Unset means unrestricted.
   */
  register(id: string, value: string, options: { allowedDomains?: string[]; allowedScripts?: string[] } = {}): void {
    if (!/^custsecret[_a-z0-9]*$/i.test(id)) throw new RangeError(`API secret ids start with custsecret_, got "${id}"`);
    if (!value) throw new RangeError(`API secret ${id} needs a value`);
    this.secrets.set(id.toLowerCase(), {
      value,
      allowedDomains: options.allowedDomains?.map((d) => d.toLowerCase()),
      allowedScripts: options.allowedScripts?.map((d) => d.toLowerCase()),
    });
  }

  /** The secret, if it exists and the running script may use it (NetSuite does not say which it was). */
  private usable(id: string): Secret {
    const secret = this.secrets.get(id.toLowerCase());
    const script = this.currentScript()?.toLowerCase() ?? null;
    if (!secret || (secret.allowedScripts && (script === null || !secret.allowedScripts.includes(script)))) {
      throw new SuiteScriptError('INVALID_SECRET_KEY', `API secret ${id} does not exist or the script may not use it`);
    }
    return secret;
  }

  has(id: string): boolean {
    return this.secrets.has(id.toLowerCase());
  }

  /** Replaces every `{custsecret_x}` in `template`; only called when a request is built for the wire. */
  reveal(template: string, host: string): string {
    return template.replace(/\{(custsecret[_a-z0-9]*)\}/gi, (_m, id: string) => {
      const secret = this.usable(id);
      if (secret.allowedDomains && !secret.allowedDomains.includes(host.toLowerCase())) {
        throw new SuiteScriptError('INVALID_SECRET_DOMAIN', `API secret ${id} may not be sent to ${host}`);
      }
      return secret.value;
    });
  }

  /** Key material for N/crypto (an HMAC key): used inside the sandbox, never handed to a script. */
  keyMaterial(id: string): string {
    return this.usable(id).value;
  }

  /** Where a registered secret value appears verbatim in `texts` (logs, outbox, ...): leaks to report. */
  findLeaks(texts: Iterable<string>): string[] {
    const leaks: string[] = [];
    for (const t of texts) {
      for (const [id, s] of this.secrets) if (t.includes(s.value)) leaks.push(id);
    }
    return [...new Set(leaks)];
  }
}

const TEMPLATE = Symbol('secureStringTemplate');

/**
 * https.SecureString. Holds a template with `{custsecret_x}` placeholders, never a value, and
 * shows only a placeholder when printed, logged or serialised.
 */
export class SecureString {
  private [TEMPLATE]: string;

  constructor(template: string) {
    this[TEMPLATE] = template;
  }

  appendString(options: { input: string }): SecureString {
    this[TEMPLATE] += String(options.input);
    return this;
  }

  appendSecureString(options: { secureString: SecureString; keepEncoding?: boolean }): SecureString {
    this[TEMPLATE] += options.secureString[TEMPLATE];
    return this;
  }

  replaceString(options: { pattern: string; replacement: string }): SecureString {
    this[TEMPLATE] = this[TEMPLATE].split(options.pattern).join(options.replacement);
    return this;
  }

  toString(): string {
    return '[SecureString]';
  }

  toJSON(): string {
    return '[SecureString]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[SecureString]';
  }

  static templateOf(s: SecureString): string {
    return s[TEMPLATE];
  }
}
