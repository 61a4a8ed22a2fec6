import { describe, expect, it } from 'vitest';
import { searchTermsOf } from '../src/search/search-terms.js';

describe('search terms', () => {
  it('matches the word being typed as a prefix and the rest as a web search', () => {
    expect(searchTermsOf('tid')).toEqual({ words: '', prefix: 'tid:*' });
    expect(searchTermsOf('  Northern GL ')).toEqual({ words: 'northern', prefix: 'gl:*' });
    expect(searchTermsOf('first-gl')).toEqual({ words: 'first', prefix: 'gl:*' });
  });

  it('keeps quotes and negation for websearch_to_tsquery and then adds no prefix', () => {
    expect(searchTermsOf('"quiet harbour"')).toEqual({ words: '"quiet harbour"', prefix: null });
    expect(searchTermsOf('tidal -demo')).toEqual({ words: 'tidal -demo', prefix: null });
  });

  it('lets only letters, marks and digits into tsquery syntax', () => {
    expect(searchTermsOf("x' | !y:* & (z")).toEqual({ words: "x' | !y:* &", prefix: 'z:*' });
    expect(searchTermsOf("'); drop table products; --")).toEqual({
      words: "'); drop table products; --",
      prefix: null,
    });
    expect(searchTermsOf("'); drop table products")?.prefix).toBe('products:*');
    expect(searchTermsOf('Café Noël')).toEqual({ words: 'café', prefix: 'noël:*' });
  });

  it('is null when nothing searchable is left', () => {
    expect(searchTermsOf('!!! :* &')).toBeNull();
    expect(searchTermsOf('   ')).toBeNull();
  });
});
