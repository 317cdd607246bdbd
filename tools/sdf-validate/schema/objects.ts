/**
 * The SDF object schema the validator checks: per object type, the elements it may hold (nested),
 * which are required, and which take values from a list (schema/enums.ts).
 *
 * Facts (element names, required flags, value lists, nesting) carried over from Oracle's SDF XSDs
 * as published in Salto's NetSuite adapter: salto-io/salto,
 * packages/netsuite-adapter/src/autogen/types/standard_types/<type>.ts (read 2026-12), checked
 * against Oracle's "SDF XML Reference" pages (e.g. usereventscript: SDFxml_2716615335.html). Only
 * the facts are carried over, written in this file's own notation; no code is taken.
 *
 * Field notation: `name` optional text · `name!` required · `name:list` value from ENUMS.list ·
 * `*` several values separated by `|` · `~` may instead be a `[scriptid=...]` reference ·
 * `@name` an attribute. Types whose middle part was not carried over field by field accept
 * their family's prefix (`body…`, `col…`, `appliesto…`) for the flag elements.
 */
import type { EnumName } from './enums';

export interface Shape {
  readonly fields: readonly string[];
  /** Shapes of the structured (nested) fields named in `fields`. */
  readonly nested?: Readonly<Record<string, Shape>>;
  /** A wrapper element holding only repeated `<item>` elements (`<scriptdeployments>` → `<scriptdeployment>`). */
  readonly list?: { readonly item: string; readonly shape: Shape };
  /** Element-name prefixes accepted without a field entry. */
  readonly prefixes?: readonly string[];
}

export interface FieldSpec {
  readonly name: string;
  readonly attribute: boolean;
  readonly required: boolean;
  readonly enumName?: EnumName;
  readonly multi: boolean;
  readonly reference: boolean;
}

const FIELD = /^(@?)([a-z_]+)(!?)(?::([a-z_]+))?(\*?)(~?)$/;

export function parseField(spec: string): FieldSpec {
  const m = FIELD.exec(spec);
  if (!m) throw new Error(`bad schema field notation: ${spec}`);
  return { attribute: m[1] === '@', name: m[2], required: m[3] === '!', enumName: m[4] as EnumName | undefined, multi: m[5] === '*', reference: m[6] === '~' };
}

const listOf = (item: string, shape: Shape): Shape => ({ fields: [], list: { item, shape } });

// ---------------------------------------------------------------- custom fields

const FIELD_FILTER: Shape = {
  fields: ['fldfilter!', 'fldfilterchecked:bool', 'fldfiltercomparetype:generic_customfield_fldfiltercomparetype', 'fldfiltersel', 'fldfilterval', 'fldfilternotnull:bool', 'fldfilternull:bool', 'fldcomparefield'],
};
const ROLE_ACCESS: Shape = {
  fields: ['role!:generic_role~', 'accesslevel!:generic_accesslevel_searchlevel', 'searchlevel!:generic_accesslevel_searchlevel'],
};
const FIELD_NESTED = {
  customfieldfilters: listOf('customfieldfilter', FIELD_FILTER),
  roleaccesses: listOf('roleaccess', ROLE_ACCESS),
};

/** Fields every custom field and script parameter shares. `fieldtype` values are checked by the field-type rule. */
const FIELD_BASE = [
  '@scriptid!', 'fieldtype!', 'label!', 'selectrecordtype', 'applyformatting:bool', 'defaultchecked:bool', 'defaultselection',
  'defaultvalue', 'description', 'displaytype:generic_customfield_displaytype', 'dynamicdefault:generic_customfield_dynamicdefault',
  'help', 'linktext', 'minvalue', 'maxvalue', 'storevalue:bool', 'accesslevel:generic_accesslevel_searchlevel', 'checkspelling:bool',
  'displayheight', 'displaywidth', 'isformula:bool', 'ismandatory:bool', 'maxlength', 'onparentdelete:generic_customfield_onparentdelete',
  'searchcomparefield', 'searchdefault', 'searchlevel:generic_accesslevel_searchlevel', 'customfieldfilters', 'roleaccesses',
];
/** What record, item, transaction and entity fields add to the base (placement, sourcing, encryption). */
const FIELD_PLACED = [
  ...FIELD_BASE, 'encryptatrest:bool', 'globalsearch:bool', 'showinlist:bool', 'sourcefilterby', 'sourcefrom', 'sourcelist',
  'isparent:bool', 'parentsubtab', 'subtab',
];

const SCRIPT_PARAMETER: Shape = { fields: [...FIELD_BASE, 'setting:script_setting'], nested: FIELD_NESTED };

const RECORD_FIELD: Shape = { fields: [...FIELD_PLACED, 'allowquickadd:bool', 'rolerestrict:bool'], nested: FIELD_NESTED };

const ITEM_FIELD: Shape = {
  fields: [
    ...FIELD_PLACED, 'showhierarchy:bool', 'appliestogroup:bool', 'appliestokit:bool', 'appliestoinventory:bool', 'appliestoitemassembly:bool',
    'appliestononinventory:bool', 'appliestoothercharge:bool', 'appliestopricelist:bool', 'appliestoservice:bool',
    'appliestospecificitems:bool', 'appliestosubplan:bool', 'appliestoexpense:bool', 'includechilditems:bool', 'itemmatrix:bool',
    'ismhitemattribute:bool', 'itemsubtype',
  ],
  nested: FIELD_NESTED,
};

const BODY_FIELD: Shape = { fields: [...FIELD_PLACED, 'fldsizelabel', 'bodycustomtransactions'], nested: FIELD_NESTED, prefixes: ['body'] };
const COLUMN_FIELD: Shape = { fields: [...FIELD_PLACED, 'columncustomtransactions'], nested: FIELD_NESTED, prefixes: ['col'] };
const ENTITY_FIELD: Shape = { fields: [...FIELD_PLACED, 'availableexternally:bool', 'availabletosso:bool'], nested: FIELD_NESTED, prefixes: ['appliesto'] };

// ---------------------------------------------------------------- scripts and deployments

const START = ['startdate!', 'starttime!'];
const UNTIL = ['enddate', 'repeat:generic_repeat_time'];
const RECURRENCE: Shape = {
  fields: ['daily', 'everyweekday', 'monthly', 'monthlydayofweek', 'single', 'weekly', 'yearly', 'yearlydayofweek'],
  nested: {
    daily: { fields: [...START, 'everyxdays!', ...UNTIL] },
    everyweekday: { fields: [...START, ...UNTIL] },
    monthly: { fields: [...START, 'everyxmonths!', ...UNTIL] },
    monthlydayofweek: { fields: [...START, 'orderofweek!:generic_order_of_week', 'dayofweek!:generic_day_of_week', 'everyxmonths!', ...UNTIL] },
    single: { fields: [...START, 'repeat:generic_repeat_time'] },
    weekly: {
      fields: [...START, 'everyxweeks!', ...['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => `${d}!:bool`), ...UNTIL],
    },
    // Only the fields shared with the other patterns were carried over for yearly; its own are accepted as they come.
    yearly: { fields: [...START, ...UNTIL], prefixes: [''] },
    yearlydayofweek: { fields: [...START, 'orderofweek!:generic_order_of_week', 'dayofweek!:generic_day_of_week', ...UNTIL] },
  },
};

/** `status` (per script type) and `recordtype` values are checked by the deployment rules. */
const DEPLOYMENT_BASE = ['@scriptid!', 'status!', 'isdeployed:bool', 'loglevel:script_loglevel'];
const AUDIENCE = [
  'allemployees:bool', 'allpartners:bool', 'allroles:bool', 'auddepartment', 'audemployee', 'audgroup', 'audpartner',
  'audslctrole:generic_role*~', 'audsubsidiary',
];

const DEPLOYMENTS: Record<string, Shape> = {
  usereventscript: {
    fields: [
      ...DEPLOYMENT_BASE, 'recordtype!', ...AUDIENCE, 'eventtype:script_eventtype', 'runasrole:generic_role~', 'alllocalizationcontexts:bool',
      'executioncontext:execution_context*', 'localizationcontext',
    ],
  },
  mapreducescript: {
    fields: [...DEPLOYMENT_BASE, 'title!', 'runasrole:generic_role~', 'buffersize', 'concurrencylimit', 'queueallstagesatonce:bool', 'yieldaftermins', 'recurrence'],
    nested: { recurrence: RECURRENCE },
  },
  scheduledscript: { fields: [...DEPLOYMENT_BASE, 'title!', 'recurrence'], nested: { recurrence: RECURRENCE } },
  suitelet: {
    fields: [...DEPLOYMENT_BASE, 'title!', ...AUDIENCE, 'eventtype:script_eventtype', 'isonline:bool', 'runasrole:generic_role~', 'links'],
    nested: { links: listOf('link', { fields: ['linkcategory!', 'linktasktype', 'linklabel'] }) },
  },
  restlet: { fields: [...DEPLOYMENT_BASE, 'title!', ...AUDIENCE] },
  sdfinstallationscript: { fields: [...DEPLOYMENT_BASE, 'title!'] },
};

const SCRIPT_BASE = [
  '@scriptid!', 'name!', 'scriptfile!', 'description', 'isinactive:bool', 'notifyadmins:bool', 'notifyemails', 'notifygroup',
  'notifyowner:bool', 'customplugintypes', 'scriptcustomfields', 'scriptdeployments',
];

function script(type: string, extra: readonly string[]): Shape {
  return {
    fields: [...SCRIPT_BASE, ...extra],
    nested: {
      customplugintypes: listOf('plugintype', { fields: ['plugintype!'] }),
      libraries: listOf('library', { fields: ['scriptfile!'] }),
      scriptcustomfields: listOf('scriptcustomfield', SCRIPT_PARAMETER),
      scriptdeployments: listOf('scriptdeployment', DEPLOYMENTS[type]),
    },
  };
}

// ---------------------------------------------------------------- records, lists, roles, searches

const CUSTOM_RECORD: Shape = {
  fields: [
    '@scriptid!', 'recordname!', 'customsegment', 'accesstype:customrecordtype_accesstype', 'allowattachments:bool', 'allowinlineediting:bool',
    'allowinlinedeleting:bool', 'allowinlinedetaching:bool', 'allowmobileaccess:bool', 'allownumberingoverride:bool', 'allowquickadd:bool',
    'allowquicksearch:bool', 'allowuiaccess:bool', 'description', 'enabledle:bool', 'enablekeywords:bool', 'enablemailmerge:bool',
    'enablenametranslation:bool', 'enablenumbering:bool', 'enableoptimisticlocking:bool', 'enablesystemnotes:bool', 'hierarchical:bool',
    'numberingprefix', 'numberingsuffix', 'numberingmindigits', 'numberinginit', 'icon', 'iconbuiltin:bool', 'iconindex', 'includeinsearchmenu:bool',
    'includename:bool', 'isinactive:bool', 'isordered:bool', 'showcreationdate:bool', 'showcreationdateonlist:bool', 'showid:bool',
    'showlastmodified:bool', 'showlastmodifiedonlist:bool', 'shownotes:bool', 'showowner:bool', 'showownerallowchange:bool',
    'showowneronlist:bool', 'customrecordcustomfields', 'instances', 'links', 'permissions', 'recordsublists', 'subtabs',
  ],
  nested: {
    customrecordcustomfields: listOf('customrecordcustomfield', RECORD_FIELD),
    instances: listOf('instance', { fields: ['@scriptid!', 'altname', 'name', 'isinactive:bool', 'parent'] }),
    links: listOf('link', { fields: ['linkcategory!', 'linktasktype!:customrecordtype_tasktype', 'linklabel'] }),
    permissions: listOf('permission', { fields: ['permittedrole!:generic_role~', 'permittedlevel!:generic_permission_level', 'restriction:role_restrict'] }),
    recordsublists: listOf('recordsublist', { fields: ['@scriptid!', 'recordsearch!', 'recorddescr!', 'recordtab', 'recordfield'] }),
    subtabs: listOf('subtab', { fields: ['@scriptid!', 'tabtitle!', 'tabparent'] }),
  },
};

const CUSTOM_LIST: Shape = {
  fields: ['@scriptid!', 'name!', 'description', 'isinactive:bool', 'ismatrixoption:bool', 'isordered:bool', 'customvalues'],
  nested: { customvalues: listOf('customvalue', { fields: ['@scriptid!', 'value!', 'abbreviation', 'isinactive:bool'] }) },
};

const ROLE: Shape = {
  fields: [
    '@scriptid!', 'centertype!:role_centertype~', 'name!', 'tfaduration', 'coreadminpermission:bool', 'employeerestriction:role_fullrestrictions',
    'employeeviewingallowed:bool', 'ispartnerrole:bool', 'issalesrole:bool', 'issupportrole:bool', 'issuerole', 'restricttimeandexpenses:bool',
    'employeeselectionunrestricted:bool', 'isinactive:bool', 'subsidiaryviewingallowed:bool', 'subsidiaryoption:rolesubsidiaryoption',
    'accountingbooksoption:roleaccountingbooksoption', 'issinglesignononly:bool', 'iswebserviceonlyrole:bool', 'restrictbydevice:bool',
    'restrictip:bool', 'tfarequired', 'permissions', 'recordrestrictions',
  ],
  nested: {
    permissions: listOf('permission', { fields: ['permkey!:generic_permission~', 'permlevel!:generic_permission_level', 'restriction:role_restrict'] }),
    recordrestrictions: listOf('recordrestriction', {
      fields: ['segment!:role_restrictionsegment', 'restriction!:role_restrictions', 'viewingallowed:bool', 'itemsrestricted:bool'],
    }),
  },
};

const SAVED_SEARCH: Shape = {
  fields: ['@scriptid!', 'definition!', 'dependencies'],
  nested: { dependencies: listOf('dependency', { fields: [] }) },
};

/** Every object type this project may contain, by root element name. */
export const OBJECT_SCHEMAS: Readonly<Record<string, Shape>> = {
  customrecordtype: CUSTOM_RECORD,
  customlist: CUSTOM_LIST,
  itemcustomfield: ITEM_FIELD,
  transactionbodycustomfield: BODY_FIELD,
  transactioncolumncustomfield: COLUMN_FIELD,
  entitycustomfield: ENTITY_FIELD,
  usereventscript: script('usereventscript', ['notifyuser:bool', 'aftersubmitfunction', 'beforeloadfunction', 'beforesubmitfunction', 'libraries']),
  mapreducescript: script('mapreducescript', []),
  scheduledscript: script('scheduledscript', ['defaultfunction', 'libraries']),
  suitelet: script('suitelet', ['defaultfunction', 'notifyuser:bool', 'libraries']),
  restlet: script('restlet', ['notifyuser:bool', 'deletefunction', 'getfunction', 'postfunction', 'putfunction', 'libraries']),
  sdfinstallationscript: script('sdfinstallationscript', ['notifyuser:bool']),
  role: ROLE,
  savedsearch: SAVED_SEARCH,
};
