import { definedIds } from '../ids-index';
import { rule } from '../rule';
import { descendants } from '../xml';

const REFERENCE = /\[scriptid=([^\]]+)\]/g;

/** Every `[scriptid=x]` / `[scriptid=x.y]` in an object names an object (or nested field, value, deployment) in the project. */
export const referenceResolves = rule('reference-resolves', (project, report) => {
  const known = new Set(definedIds(project).map((id) => id.key));
  for (const obj of project.objects) {
    for (const { el } of [{ el: obj.root }, ...descendants(obj.root)]) {
      for (const value of [el.text, ...Object.values(el.attrs)]) {
        for (const [, key] of value.matchAll(REFERENCE)) {
          if (!known.has(key)) report(obj.file, `<${el.name}> references [scriptid=${key}], which is not defined in this project`);
        }
      }
    }
  }
});
