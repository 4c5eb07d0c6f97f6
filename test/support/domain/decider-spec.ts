import { fold, type Decider } from '@riskledger/domain';

/**
 * Given / when / then for deciders, in the style of Emmett's DeciderSpecification:
 *
 *   DeciderSpecification.for(riskDecider)
 *     .given([riskIdentified])              // what has already happened (replayed with evolve)
 *     .when(assessRisk)                     // the command
 *     .then([riskAssessed]);                // exactly the events it must record
 *
 *   ...when(command).thenThrows(InvalidValueError, { field: 'title' });
 *
 * For tests only. It uses jest's global `expect` at run time, so it imports no test framework and
 * still type-checks in the production build, which does not load jest's types.
 */
export const DeciderSpecification = {
  for<State, Command, Event>(decider: Decider<State, Command, Event>) {
    return {
      given(events: readonly Event[]) {
        return {
          when(command: Command) {
            const decide = () => decider.decide(command, fold(decider, events));
            return {
              /** The command is accepted and records exactly these events, in this order. */
              then(expected: readonly Event[]): void {
                jestExpect()(decide()).toEqual(expected);
              },
              /** The command is refused with this kind of error, optionally matching `matcher`. */
              thenThrows<E extends Error>(
                errorClass: ErrorClass<E>,
                matcher?: ErrorMatcher<E>,
              ): void {
                expectRefusal(decide, errorClass, matcher);
              },
            };
          },
        };
      },
    };
  },
};

export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/**
 * How a refusal is checked beyond its class: a text the message contains, a pattern the message
 * matches, properties the error has (e.g. `{ field: 'title' }`), or a predicate (which may return
 * false, or use expect itself).
 */
export type ErrorMatcher<E extends Error> =
  string | RegExp | Partial<E> | ((error: E) => boolean | void);

/** The same check for any domain function, e.g. `expectRefusal(() => assess(s), InvalidValueError)`. */
export function expectRefusal<E extends Error>(
  action: () => unknown,
  errorClass: ErrorClass<E>,
  matcher?: ErrorMatcher<E>,
): void {
  const refusal = refusalOf(action, errorClass);
  const expect = jestExpect();
  if (matcher === undefined) return;
  if (typeof matcher === 'string') expect(refusal.message).toContain(matcher);
  else if (matcher instanceof RegExp) expect(refusal.message).toMatch(matcher);
  else if (typeof matcher !== 'function') expect(refusal).toMatchObject(matcher);
  else if (matcher(refusal) === false) {
    throw new Error(`${errorClass.name} did not satisfy the predicate: ${refusal.message}`, {
      cause: refusal,
    });
  }
}

/** The error `action` throws, which must be an `errorClass`; fails if `action` returns. */
function refusalOf<E extends Error>(action: () => unknown, errorClass: ErrorClass<E>): E {
  let result: unknown;
  try {
    result = action();
  } catch (error) {
    jestExpect()(error).toBeInstanceOf(errorClass);
    return error as E;
  }
  throw new Error(
    `expected a refusal with ${errorClass.name}, but it was accepted: ${JSON.stringify(result)}`,
  );
}

/** The few matchers of jest's `expect` used here. */
interface Matchers {
  toEqual(expected: unknown): void;
  toBeInstanceOf(expected: unknown): void;
  toMatchObject(expected: object): void;
  toContain(expected: string): void;
  toMatch(expected: RegExp): void;
}

function jestExpect(): (actual: unknown) => Matchers {
  const { expect } = globalThis as unknown as { expect?: (actual: unknown) => Matchers };
  if (!expect) throw new Error('DeciderSpecification needs jest: run it from a test');
  return expect;
}
