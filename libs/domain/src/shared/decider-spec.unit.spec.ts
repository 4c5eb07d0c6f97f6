import type { Decider } from './decider';
import { DeciderSpecification, expectRefusal } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError } from './errors';

// A toy counter decider: the helper is checked on it, so that a broken helper cannot hide a broken rule.
type Added = { type: 'Added'; data: { amount: number } };
type Add = { type: 'Add'; amount: number };
const counter: Decider<number, Add, Added> = {
  initialState: () => 0,
  decide(command, total) {
    if (command.amount <= 0) throw new InvalidValueError('amount', 'must be positive');
    if (total + command.amount > 10) throw new NotFoundError('room', 'above ten');
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
  evolve: (total, event) => total + event.data.amount,
};

const spec = DeciderSpecification.for(counter);
const added = (amount: number): Added => ({ type: 'Added', data: { amount } });
const add = (amount: number): Add => ({ type: 'Add', amount });

describe('DeciderSpecification', () => {
  describe('then', () => {
    it('passes when exactly the expected events are recorded', () => {
      spec
        .given([added(2)])
        .when(add(3))
        .then([added(3)]);
    });

    it('fails when other events are recorded', () => {
      expect(() =>
        spec
          .given([])
          .when(add(3))
          .then([added(4)]),
      ).toThrow();
      expect(() => spec.given([]).when(add(3)).then([])).toThrow();
    });

    it('replays the given events before deciding', () => {
      expect(() =>
        spec
          .given([added(9)])
          .when(add(2))
          .then([added(2)]),
      ).toThrow(NotFoundError);
    });
  });

  describe('thenThrows', () => {
    it('passes on the expected error class and matcher', () => {
      const when = spec.given([]).when(add(0));
      when.thenThrows(InvalidValueError);
      when.thenThrows(InvalidValueError, { field: 'amount' });
      when.thenThrows(InvalidValueError, 'must be positive');
      when.thenThrows(InvalidValueError, /^amount:/);
      when.thenThrows(InvalidValueError, (error) => error.field === 'amount');
    });

    it('fails when the command is accepted', () => {
      expect(() => spec.given([]).when(add(1)).thenThrows(InvalidValueError)).toThrow(
        /expected a refusal with InvalidValueError, but it was accepted/,
      );
    });

    it('fails on another error class', () => {
      expect(() => spec.given([]).when(add(0)).thenThrows(NotFoundError)).toThrow();
    });

    it('fails when the matcher does not match', () => {
      const when = spec.given([]).when(add(0));
      expect(() => when.thenThrows(InvalidValueError, { field: 'total' })).toThrow();
      expect(() => when.thenThrows(InvalidValueError, 'must be negative')).toThrow();
      expect(() => when.thenThrows(InvalidValueError, /^total:/)).toThrow();
      expect(() => when.thenThrows(InvalidValueError, (e) => e.field === 'total')).toThrow(
        /did not satisfy the predicate/,
      );
    });
  });

  describe('expectRefusal', () => {
    const refuse = () => {
      throw new InvalidValueError('amount', 'must be positive');
    };

    it('passes on the expected refusal', () => {
      expectRefusal(refuse, InvalidValueError, { field: 'amount' });
    });

    it('fails when nothing is refused, or something else is', () => {
      expect(() => expectRefusal(() => 42, InvalidValueError)).toThrow(/accepted: 42/);
      expect(() => expectRefusal(refuse, InvalidValueError, { field: 'other' })).toThrow();
      expect(() => expectRefusal(refuse, NotFoundError)).toThrow();
    });
  });
});
