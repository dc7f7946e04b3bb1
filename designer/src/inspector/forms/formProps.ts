import type { NodeConfigs, NodeType } from '@journey/shared';

export interface ConfigFormProps<Type extends NodeType> {
  config: NodeConfigs[Type];
  onChange(config: NodeConfigs[Type]): void;
}

/** `object` with `key` set to `value`, or without `key` when `value` is undefined: documents leave unset options out. */
export function withOptional<T extends object, Key extends keyof T>(object: T, key: Key, value: T[Key] | undefined): T {
  const { [key]: _removed, ...rest } = object;
  // Only optional keys are ever cleared, so the rest is still a T.
  return value === undefined ? (rest as T) : { ...object, [key]: value };
}
