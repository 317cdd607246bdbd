/** Is a saved search as defined? The same definition in another shape is not a change; an edit is. */
import { savedSearchCatalogue } from '../../src/ts/core/searches/catalogue';
import { canonicalFilters, searchDifferences, type SearchState } from '../../src/ts/core/searches/compare';

const wanted: SearchState = {
  title: 'T', type: 'customrecord_x', isPublic: true,
  filterExpression: [['a', 'anyof', '1'], 'and', ['b', 'anyof', '2', '3'], 'and', [['c', 'isempty', ''], 'or', ['d', 'before', 'today']]],
  columns: [{ name: 'x', sort: 'ASC' }, { name: 'y', join: 'j', label: 'Why' }],
};

describe('comparing saved searches', () => {
  it('sees the same definition read back in another shape as unchanged', () => {
    const readBack: SearchState = {
      ...wanted, type: 'CUSTOMRECORD_X',
      filterExpression: [[['A', 'ANYOF', 1], 'AND', ['b', 'anyof', ['2', '3']]], 'and', [['c', 'isempty'], 'or', ['d', 'before', 'today']]],
      columns: [{ name: 'x', sort: 'ASC', join: null }, { name: 'y', join: 'J', label: 'Why', sort: 'NONE' }],
    };
    expect(searchDifferences(wanted, readBack)).toEqual([]);
  });

  it('names what a person changed', () => {
    expect(searchDifferences(wanted, { ...wanted, title: 'Mine', isPublic: false })).toEqual(['title', 'sharing']);
    expect(searchDifferences(wanted, { ...wanted, filterExpression: [['a', 'anyof', '1']] })).toEqual(['filters']);
    expect(searchDifferences(wanted, { ...wanted, columns: [{ name: 'x' }] })).toEqual(['columns']);
    expect(canonicalFilters([['a', 'anyof', '1'], 'or', ['b', 'is', 'x']])).not.toBe(canonicalFilters([['a', 'anyof', '1'], 'and', ['b', 'is', 'x']]));
  });
});

describe('the saved search catalogue', () => {
  const all = savedSearchCatalogue({ despatchLeadDays: 3 });
  it('has the searches ops work from, each with a unique customsearch id and the roles it is for', () => {
    expect(all).toHaveLength(10);
    expect(new Set(all.map((d) => d.id)).size).toBe(10);
    for (const d of all) {
      expect(d.id).toMatch(/^customsearch_scend_[a-z0-9_]+$/);
      expect(d.roles.length).toBeGreaterThan(0);
    }
  });
  it('takes the despatch-by rule from the configured lead days', () => {
    expect(JSON.stringify(all.find((d) => d.id === 'customsearch_scend_so_not_despatched')!.filters)).toContain('daysago3');
  });
});
