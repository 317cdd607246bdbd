/**
 * N/config: config.load({ type }) returns a record-like object over the account's configuration
 * pages, with values from the sandbox's account settings (company name, base currency, date and
 * time formats, time zone, enabled features). Governance: load 10 units (NetSuite Help:
 * config.load(options)); save 10 (a non-transaction record save). Unknown types are
 * INVALID_RCRD_TYPE as documented; pages the sandbox lacks (periods, time, manufacturing) SSS_NOT_YET_SUPPORTED; unknown field ids on setValue are INVALID_FIELD_ID.
 */
import { SuiteScriptError } from '../kernel/errors';
import type { ExecutionStack } from '../runners/execution';

export const ConfigType = {
  USER_PREFERENCES: 'userpreferences', COMPANY_INFORMATION: 'companyinformation', COMPANY_PREFERENCES: 'companypreferences',
  ACCOUNTING_PREFERENCES: 'accountingpreferences', MANUFACTURING_PREFERENCES: 'manufacturingpreferences',
  ACCOUNTING_PERIODS: 'accountingperiods', TAX_PERIODS: 'taxperiods', FEATURES: 'companyfeatures', TIME_POST: 'timepost', TIME_VOID: 'timevoid',
} as const;

const LOAD_UNITS = 10;
const SAVE_UNITS = 10;

type Values = Record<string, unknown>;

/** The configuration pages the sandbox has, by type id. Others load as INVALID_RCRD_TYPE. */
export class AccountConfig {
  readonly pages = new Map<string, Values>();

  constructor(account: { accountId: string; features: Set<string> }) {
    // The sandbox formats dates M/D/YYYY and times h:mm am in UTC (see N/format).
    const formats = { DATEFORMAT: 'M/D/YYYY', LONGDATEFORMAT: 'Month D, YYYY', TIMEFORMAT: 'h:mm a', TIMEZONE: 'Etc/UTC', NUMBERFORMAT: '1,000,000.00', NEGATIVE_NUMBER_FORMAT: '-100' };
    this.pages.set(ConfigType.COMPANY_INFORMATION, {
      companyname: 'Sandbox Company', legalname: 'Sandbox Company Ltd', companyid: account.accountId, basecurrency: 'GBP',
      country: 'GB', email: 'admin@sandbox.invalid', fiscalmonth: 'January', timezone: 'Etc/UTC',
    });
    this.pages.set(ConfigType.COMPANY_PREFERENCES, { ...formats, CUSTOMERWELCOMEMESSAGE: '' });
    this.pages.set(ConfigType.USER_PREFERENCES, { ...formats, EMAILEMPLOYEEONLINEFORMS: false });
    this.pages.set(ConfigType.ACCOUNTING_PREFERENCES, { ALLOWNEGATIVEINVENTORY: false, MULTICURRENCY: false, ITEMCOSTINGMETHOD: 'AVG' });
    const features: Values = {};
    for (const f of account.features) features[f] = true;
    this.pages.set(ConfigType.FEATURES, features);
  }
}

export function createConfigModule(stack: ExecutionStack, config: AccountConfig) {
  return {
    Type: ConfigType,
    load(options: { type?: string; isDynamic?: boolean }) {
      const type = String(options?.type ?? '').toLowerCase();
      const page = config.pages.get(type);
      if (!page && (Object.values(ConfigType) as string[]).includes(type)) {
        throw new SuiteScriptError('SSS_NOT_YET_SUPPORTED', `The sandbox does not model the ${type} configuration page`);
      }
      if (!page) throw new SuiteScriptError('INVALID_RCRD_TYPE', `The record type ${options?.type === undefined ? '' : String(options.type)} is invalid.`);
      stack.current().governor.charge(LOAD_UNITS, `config.load ${type}`);
      const values: Values = { ...page };
      const fieldId = (o: { fieldId?: string } | string): string => {
        const id = typeof o === 'string' ? o : o?.fieldId;
        if (!id) throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: fieldId');
        return id;
      };
      const rec = {
        type,
        isDynamic: !!options.isDynamic,
        getValue: (o: { fieldId: string } | string) => values[fieldId(o)],
        getText: (o: { fieldId: string } | string) => {
          const v = values[fieldId(o)];
          return typeof v === 'boolean' ? (v ? 'T' : 'F') : v === undefined ? undefined : String(v);
        },
        setValue(o: { fieldId: string; value: unknown }) {
          const id = fieldId(o);
          if (!(id in values)) throw new SuiteScriptError('INVALID_FIELD_ID', `The field ${id} does not exist on ${type}.`);
          values[id] = o.value;
          return rec;
        },
        getFields: () => Object.keys(values),
        save(): void {
          stack.current().governor.charge(SAVE_UNITS, `config save ${type}`);
          Object.assign(page, values);
        },
      };
      return rec;
    },
  };
}
