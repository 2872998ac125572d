import { z } from 'zod';
import { parseInput } from '../../../server/src/platform/validation';

const schema = z.object({ name: z.string(), tags: z.array(z.string()).optional() }).passthrough();

const failure = (input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    return error as { name: string; message: string; details: { errors: unknown[] } };
  }
  throw new Error('expected a validation error');
};

describe('parseInput', () => {
  it('keeps well-formed text, including astral characters', () => {
    expect(parseInput(schema, { name: 'Zoë 🚀', tags: ['a'] })).toEqual({
      name: 'Zoë 🚀',
      tags: ['a'],
    });
  });

  it.each([
    ['a NUL in a field', { name: 'a\u0000b' }, ['name'], 'must not contain NUL characters'],
    ['a NUL deep in an array', { name: 'a', tags: ['x', '\u0000'] }, ['tags', '1'], 'NUL'],
    ['a NUL in a key', { name: 'a', ['k\u0000']: 1 }, ['k\u0000'], 'NUL'],
    ['a lone high surrogate', { name: 'a\uD800' }, ['name'], 'valid Unicode'],
    ['a lone low surrogate', { name: '\uDC00b' }, ['name'], 'valid Unicode'],
    ['a NUL in a bare string', 'x\u0000', [], 'NUL'],
  ])('refuses %s with a 400 naming the path', (_label, input, path, message) => {
    const error = failure(input);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain(message);
    expect(error.details.errors[0]).toMatchObject({ path });
  });

  it('lists schema problems by path', () => {
    const error = failure({ name: 3 });
    expect(error.details.errors[0]).toMatchObject({ path: ['name'] });
  });
});
