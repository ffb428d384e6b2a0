import { expect } from 'vitest';

/**
 * Checks on rendered emails: HTML well-formedness (balanced tags, quoted attributes, valid
 * entities) and that the plain-text part says what the HTML part says.
 */
const VOID_ELEMENTS = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

export function wellFormednessErrors(html: string): string[] {
  const errors: string[] = [];
  if (!html.startsWith('<!DOCTYPE html>')) errors.push('missing <!DOCTYPE html>');
  const body = html.replace(/^<!DOCTYPE html>/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const between = body.slice(last, match.index);
    if (/[<>]/.test(between))
      errors.push(`stray angle bracket before <${match[2]}>: ${between.slice(0, 40)}`);
    last = tag.lastIndex;
    const [, closing, name = ''] = match;
    if (VOID_ELEMENTS.has(name)) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) errors.push(`</${name}> closes something else`);
  }
  if (/[<>]/.test(body.slice(last))) errors.push('stray angle bracket at the end (malformed tag?)');
  if (stack.length > 0) errors.push(`unclosed: ${stack.join(', ')}`);
  for (const [entity] of body.matchAll(/&[^;\s]*;?/g))
    if (!/^&(#\d+|#x[0-9a-f]+|[a-z]+);$/i.test(entity)) errors.push(`bad entity ${entity}`);
  return errors;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The HTML part as text: tags become line breaks, entities are decoded. */
export const htmlAsText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '\n')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\n+/g, '\n');

export function expectSameFacts(email: { html: string; text: string }) {
  expect(wellFormednessErrors(email.html)).toEqual([]);
  const htmlText = htmlAsText(email.html).replace(/\s*\n\s*/g, ' ');
  const lines = email.text.split('\n').filter((line) => line.trim().length > 0);
  expect(lines.length).toBeGreaterThan(3);
  for (const line of lines) {
    const link = /^(.*)\u00a0: (https?:\/\/\S+)$/.exec(line);
    if (link) {
      expect(htmlText).toContain(link[1]);
      expect(email.html).toContain(`href="${link[2]!.replaceAll('&', '&amp;')}"`);
      continue;
    }
    expect(htmlText, line).toContain(line.replace(/^- /, ''));
  }
}
