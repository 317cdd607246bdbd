import { rule } from '../rule';
import { descendants } from '../xml';

/** Text a template writes when a value was missing: never meant for a NetSuite user to read. */
const PLACEHOLDERS = new Set(['undefined', 'null', 'NaN', '[object Object]']);

/** No element holds placeholder text such as "undefined" (a generator printed a missing value). */
export const placeholderText = rule('placeholder-text', (project, report) => {
  for (const obj of project.objects) {
    for (const { el, ancestors } of [{ el: obj.root, ancestors: [] }, ...descendants(obj.root)]) {
      if (!PLACEHOLDERS.has(el.text)) continue;
      const owner = [...ancestors, el].reverse().find((a) => a.attrs.scriptid)?.attrs.scriptid ?? obj.scriptid;
      report(obj.file, `<${el.name}> of ${owner} is the literal text "${el.text}"`);
    }
  }
});
