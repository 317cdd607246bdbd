import { SuiteScriptError } from '../kernel/errors';

/** How Suitelet responses turn a Form or List into HTML (response.writePage). */
export const RENDER = Symbol('renderHtml');

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const need = (o: Record<string, unknown> | undefined, ...keys: string[]) => {
  for (const k of keys) if (!o || o[k] === undefined || o[k] === '') throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${k}`);
};

const FieldType = Object.fromEntries(['CHECKBOX', 'CURRENCY', 'DATE', 'DATETIMETZ', 'EMAIL', 'FILE', 'FLOAT', 'HELP', 'INLINEHTML', 'INTEGER', 'LABEL', 'LONGTEXT', 'MULTISELECT', 'PASSWORD', 'PERCENT', 'PHONE', 'SELECT', 'RADIO', 'RICHTEXT', 'TEXT', 'TEXTAREA', 'TIMEOFDAY', 'URL'].map((t) => [t, t.toLowerCase()]));
const SublistType = { EDITOR: 'editor', INLINEEDITOR: 'inlineeditor', LIST: 'list', STATICLIST: 'staticlist' };
const FieldDisplayType = { DISABLED: 'disabled', ENTRY: 'entry', HIDDEN: 'hidden', INLINE: 'inline', NORMAL: 'normal', READONLY: 'readonly' };

interface FieldOpts { id: string; type: string; label?: string; source?: string; container?: string }

/** Script-added field ids must be unique on the page (NetSuite rejects a duplicate id). */
function uniqueIds() {
  const ids = new Set<string>();
  return (id: string) => {
    if (ids.has(id)) throw new SuiteScriptError('SSS_DUPLICATE_FIELD_ID', `A field with id ${id} already exists`);
    ids.add(id);
  };
}

function makeField(o: FieldOpts) {
  const options: Array<{ value: string; text: string; isSelected?: boolean }> = [];
  return {
    id: o.id, type: o.type, label: o.label ?? '', defaultValue: '' as unknown, isMandatory: false, displayType: 'normal', helpText: '',
    updateDisplayType(opts: { displayType: string }) { this.displayType = opts.displayType; return this; },
    setHelpText(opts: { help: string }) { this.helpText = opts.help; return this; },
    addSelectOption(opts: { value: string; text: string; isSelected?: boolean }) { options.push(opts); },
    options,
  };
}
type Field = ReturnType<typeof makeField>;

const fieldHtml = (f: Field) => f.displayType === 'hidden' ? `<input type="hidden" name="${esc(f.id)}" value="${esc(f.defaultValue)}">`
  : f.type === 'inlinehtml' ? String(f.defaultValue ?? '')
    : f.options.length ? `<label>${esc(f.label)} <select name="${esc(f.id)}">${f.options.map((o) => `<option value="${esc(o.value)}"${o.isSelected ? ' selected' : ''}>${esc(o.text)}</option>`).join('')}</select></label>`
      : `<label>${esc(f.label)} <input name="${esc(f.id)}" type="${f.type === 'checkbox' ? 'checkbox' : 'text'}" value="${esc(f.defaultValue)}"${f.displayType === 'inline' || f.displayType === 'disabled' ? ' disabled' : ''}${f.isMandatory ? ' required' : ''}></label>`;

function makeSublist(o: { id: string; type: string; label: string }, claim: (id: string) => void) {
  const fields: Field[] = [];
  const rows: Array<Record<string, string>> = [];
  return {
    id: o.id, type: o.type, label: o.label,
    get lineCount() { return rows.length; },
    addField(opts: FieldOpts) { need(opts as never, 'id', 'type', 'label'); claim(`${o.id}.${opts.id}`); const f = makeField(opts); fields.push(f); return f; },
    setSublistValue(opts: { id: string; line: number; value: string }) {
      need(opts as never, 'id', 'line');
      if (!fields.some((f) => f.id === opts.id)) throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `Sublist ${o.id} has no field ${opts.id}`);
      if (opts.line < 0 || opts.line > rows.length) throw new SuiteScriptError('SSS_INVALID_SUBLIST_OPERATION', `Line ${opts.line} is out of range`);
      (rows[opts.line] ??= {})[opts.id] = opts.value;
    },
    addButton(_opts: { id: string; label: string; functionName?: string }) { return {}; },
    addMarkAllButtons() { /* UI only */ },
    [RENDER]: () => `<table class="sublist" id="${esc(o.id)}"><caption>${esc(o.label)}</caption><tr>${fields.map((f) => `<th>${esc(f.label)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${fields.map((f) => `<td>${esc(r[f.id])}</td>`).join('')}</tr>`).join('')}</table>`,
  };
}

/** N/ui/serverWidget: forms and lists for Suitelets, rendered to plain HTML by response.writePage. */
export function createServerWidgetModule() {
  const createForm = (o: { title: string; hideNavBar?: boolean }) => {
    need(o as never, 'title');
    const claim = uniqueIds();
    const fields: Field[] = [];
    const sublists: Array<ReturnType<typeof makeSublist>> = [];
    const buttons: Array<{ id: string; label: string; submit?: boolean }> = [];
    return {
      title: o.title, clientScriptModulePath: '', clientScriptFileId: 0,
      addField(opts: FieldOpts) { need(opts as never, 'id', 'type', 'label'); claim(opts.id); const f = makeField(opts); fields.push(f); return f; },
      getField(opts: { id: string }) { return fields.find((f) => f.id === opts.id) ?? null; },
      addSublist(opts: { id: string; type: string; label: string }) { need(opts as never, 'id', 'type', 'label'); claim(opts.id); const s = makeSublist(opts, claim); sublists.push(s); return s; },
      getSublist(opts: { id: string }) { return sublists.find((s) => s.id === opts.id) ?? null; },
      addSubmitButton(opts?: { label?: string }) { buttons.push({ id: 'submitter', label: opts?.label ?? 'Save', submit: true }); return {}; },
      addButton(opts: { id: string; label: string; functionName?: string }) { need(opts as never, 'id', 'label'); claim(opts.id); buttons.push(opts); return {}; },
      addFieldGroup(opts: { id: string; label: string }) { claim(opts.id); return { isCollapsible: false, isCollapsed: false }; },
      addTab(opts: { id: string; label: string }) { claim(opts.id); return {}; },
      addPageLink() { return {}; },
      [RENDER]: () => `<!DOCTYPE html><html><head><title>${esc(o.title)}</title></head><body><h1>${esc(o.title)}</h1><form method="POST">${fields.map((f) => `<div>${fieldHtml(f)}</div>`).join('')}${sublists.map((s) => s[RENDER]()).join('')}${buttons.map((b) => `<button${b.submit ? ' type="submit"' : ' type="button"'} id="${esc(b.id)}">${esc(b.label)}</button>`).join('')}</form></body></html>`,
    };
  };
  const createList = (o: { title: string }) => {
    need(o as never, 'title');
    const columns: Array<{ id: string; label: string; type: string }> = [];
    const rows: Array<Record<string, unknown>> = [];
    return {
      title: o.title,
      addColumn(opts: { id: string; type: string; label: string; align?: string }) { need(opts as never, 'id', 'type', 'label'); columns.push(opts); return {}; },
      addRow(opts: { row: Record<string, unknown> }) { rows.push(opts.row); },
      addRows(opts: { rows: Array<Record<string, unknown>> }) { rows.push(...opts.rows); },
      addButton(_opts: { id: string; label: string }) { return {}; },
      addPageLink() { return {}; },
      [RENDER]: () => `<!DOCTYPE html><html><head><title>${esc(o.title)}</title></head><body><h1>${esc(o.title)}</h1><table class="list"><tr>${columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${columns.map((c) => `<td>${esc(r[c.id])}</td>`).join('')}</tr>`).join('')}</table></body></html>`,
    };
  };
  return { FieldType, SublistType, FieldDisplayType, FieldLayoutType: { NORMAL: 'normal', STARTROW: 'startrow', MIDROW: 'midrow', ENDROW: 'endrow', OUTSIDE: 'outside' }, createForm, createList };
}
