import { expectRefusal } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError } from './errors';
import { optionalText, requireText } from './text';

describe('requireText', () => {
  it('trims blanks around the text', () => {
    expect(requireText('title', '  Unlocked medicine room \n', 200)).toBe('Unlocked medicine room');
  });

  it('accepts exactly the maximum length, counted after trimming', () => {
    const max = 'x'.repeat(10);
    expect(requireText('title', `  ${max}  `, 10)).toBe(max);
  });

  it('refuses one character over the maximum, naming the field', () => {
    expectRefusal(() => requireText('title', 'x'.repeat(11), 10), InvalidValueError, {
      field: 'title',
      message: 'title: must be at most 10 characters',
    });
  });

  it.each(['', '   ', '\t\n'])('refuses the blank text %p, naming the field', (value) => {
    expectRefusal(() => requireText('unit', value, 10), InvalidValueError, {
      field: 'unit',
      message: 'unit: must not be empty',
    });
  });
});

describe('optionalText', () => {
  it.each([undefined, null, '', '   '])('treats %p as left out (null)', (value) => {
    expect(optionalText('owner', value, 10)).toBeNull();
  });

  it('trims a given text', () => {
    expect(optionalText('owner', '  Anna  ', 10)).toBe('Anna');
  });

  it('refuses a text over the maximum, naming the field', () => {
    expectRefusal(() => optionalText('owner', 'x'.repeat(11), 10), InvalidValueError, {
      field: 'owner',
    });
  });
});
