import 'reflect-metadata';
import { IsInt, IsString, MetadataStorage, validate, ValidateNested } from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata-cache';

class Inner {
  @IsInt()
  n!: number;
}

class Outer {
  @IsString()
  title!: string;

  @ValidateNested()
  inner!: Inner;
}

describe('rememberValidationMetadata', () => {
  it("answers a class's rules from memory, the same as looking them up", () => {
    const storage = getMetadataStorage();
    const lookedUp = storage.getTargetValidationMetadatas(Outer, '', false, false);
    // Counts the lookups beneath the memory (it stays, and only counts).
    const lookUp = MetadataStorage.prototype.getTargetValidationMetadatas;
    const find = jest.fn(lookUp);
    storage.getTargetValidationMetadatas = find;
    rememberValidationMetadata(storage);

    const first = storage.getTargetValidationMetadatas(Outer, '', false, false);
    const second = storage.getTargetValidationMetadatas(Outer, '', false, false);

    expect(first).toEqual(lookedUp);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(find).toHaveBeenCalledTimes(1);
    // Other options are other answers.
    storage.getTargetValidationMetadatas(Outer, '', false, false, ['admin']);
    expect(find).toHaveBeenCalledTimes(2);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
  });

  it('forgets when a class is loaded later, and validates as before', async () => {
    const storage = getMetadataStorage();
    rememberValidationMetadata(storage);
    const before = storage.getTargetValidationMetadatas(Outer, '', false, false);

    class Late {
      @IsInt()
      m!: number;
    }
    const after = storage.getTargetValidationMetadatas(Outer, '', false, false);
    expect(after).not.toBe(before);
    expect(storage.getTargetValidationMetadatas(Late, '', false, false)).toHaveLength(1);

    const invalid = Object.assign(new Outer(), {
      title: 7,
      inner: Object.assign(new Inner(), { n: 'x' }),
    });
    const errors = await validate(invalid);
    expect(errors.map((e) => e.property)).toEqual(['title', 'inner']);
    expect(errors[1].children?.[0].constraints).toEqual({ isInt: 'n must be an integer number' });
  });
});
